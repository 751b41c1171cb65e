package com.getpaidx.orgs.shared.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the service was killed with -9, its PostgreSQL child keeps running and holds
 * {@code postmaster.pid}, so the next start fails. The child is ours to stop only when zonky's lock in
 * the data directory is free (no live service owns the cluster) and the pid really is a postgres process.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final String ZONKY_LOCK = "epg-lock";

    private OrphanedPostmaster() {
    }

    static void stopIfAny(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile) || !lockIsFree(dataDirectory.resolve(ZONKY_LOCK))) {
            return;
        }
        postgresProcess(pidFile).ifPresent(process -> {
            log.warn("Stopping PostgreSQL process {} left running in {} by a previous run", process.pid(), dataDirectory);
            process.destroy(); // SIGTERM: its clients died with the old JVM, so a smart shutdown ends at once
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            }
            catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }

    private static boolean lockIsFree(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return true;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        }
        catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Optional<ProcessHandle> postgresProcess(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.getFirst().trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.equals("postgres")).orElse(false));
        }
        catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
