package com.getpaidx.orgs.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import static org.awaitility.Awaitility.await;

/**
 * The service as an operator runs it: its own JVM (the main class on this test run's class path), its own
 * data directory with a persistent embedded PostgreSQL, free ports on 127.0.0.1, structured (ECS) logs on
 * standard output. Its standard output is kept line by line. {@link #close()} kills whatever is left.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * The service's JVM in a test: a small heap, and the C1 compiler only. A test runs a service for seconds to a
     * few minutes, beside the suite on two cores; C2's compile threads cost a start ~24 s of CPU against ~14 s
     * with C1 alone (wall 15 s against 11 s here), and the tests measure no speed.
     */
    public static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

    private static final Pattern READY = Pattern.compile("is ready at http://localhost:(\\d+)/");

    private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

    private static final Pattern POSTGRES = Pattern.compile("Embedded PostgreSQL on 127\\.0\\.0\\.1:(\\d+)");

    private final Path directory;
    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private int port;

    private ServiceProcess(Path directory, Process process) {
        this.directory = directory;
        this.process = process;
        this.reader = Thread.ofPlatform().daemon().name("service-stdout").start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    stdout.add(line);
                }
            }
            catch (IOException e) {
                // the process went away
            }
        });
    }

    /** Starts the service with {@code settings} (as {@code --name=value} arguments) and waits until it is ready. */
    public static ServiceProcess start(String serviceToken, String... settings) throws IOException {
        return startIn(Files.createTempDirectory("getpaidx-service-"), serviceToken, settings);
    }

    /**
     * Starts the service again on this one's data directory (after {@link #kill()}, or beside it on its database
     * when {@code settings} name a datasource URL); the new one owns the directory from then on.
     */
    public ServiceProcess restart(String serviceToken, String... settings) throws IOException {
        return startIn(directory, serviceToken, settings);
    }

    private static ServiceProcess startIn(Path directory, String serviceToken, String... settings) throws IOException {
        boolean durability = List.of(settings).stream().anyMatch(s -> s.startsWith("--getpaidx.embedded-database.durable="));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.getpaidx.orgs.OrganizationsApplication",
                "--server.port=0", "--management.server.port=0",
                "--getpaidx.embedded-database.data-directory=" + directory.resolve("pg"),
                "--getpaidx.service-token=" + serviceToken,
                "--getpaidx.service-token-file=" + directory.resolve("service-token"),
                "--getpaidx.accounts.password-hash-strength=4",
                "--logging.structured.format.console=ecs"));
        if (!durability) {
            command.add("--getpaidx.embedded-database.durable=false");
        }
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectError(directory.resolve("stderr.txt").toFile()).start();
        ServiceProcess service = new ServiceProcess(directory, process);
        try {
            service.port = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service stopped while starting: " + service.stdout);
                }
                return service.stdout.stream().map(READY::matcher).filter(Matcher::find)
                        .map(ready -> Integer.parseInt(ready.group(1))).findFirst().orElse(0);
            }, found -> found > 0);
        }
        catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The management server's address (actuator): the web server in the log that is not the service's. */
    public String managementUrl() {
        return stdout.stream().map(STARTED::matcher).filter(Matcher::find).mapToInt(found -> Integer.parseInt(found.group(1)))
                .filter(started -> started != port).mapToObj(started -> "http://127.0.0.1:" + started).findFirst()
                .orElseThrow(() -> new IllegalStateException("no management server in the log"));
    }

    /** The port of the embedded PostgreSQL this service started, from its log line. */
    public int postgresPort() {
        return stdout.stream().map(POSTGRES::matcher).filter(Matcher::find).mapToInt(found -> Integer.parseInt(found.group(1)))
                .reduce((first, last) -> last).orElseThrow(() -> new IllegalStateException("no embedded PostgreSQL in the log"));
    }

    /** JDBC URL and password of the embedded PostgreSQL this service runs (for reading it, or a second instance). */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/postgres";
    }

    public String databasePassword() throws IOException {
        return Files.readString(dataDirectory().resolve("getpaidx-db-password")).trim();
    }

    public Path dataDirectory() {
        return directory.resolve("pg");
    }

    /** SIGKILL, as the OOM killer or a pulled plug: no drain; its PostgreSQL child is left running. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> stdout() {
        return List.copyOf(stdout);
    }

    /** SIGTERM, as a supervisor stops a service (through its handle: Process.destroy would close the pipes too). */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** The exit code, once the process ended within {@code patience}; else it is killed and this fails. */
    public int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the service did not stop within " + patience);
        }
        reader.join(Duration.ofSeconds(10)); // the last lines may still be in the pipe
        return process.exitValue();
    }

    /** The stopped service's PostgreSQL, started again on its data directory (with its password), for reading. */
    public EmbeddedPostgres database() throws IOException {
        Path data = directory.resolve("pg");
        String password = Files.readString(data.resolve("getpaidx-db-password")).trim();
        return EmbeddedPostgres.builder().setPort(0).setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setConnectConfig("password", password).start();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopOrphanedPostgres();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PostgreSQL the killed service left behind: fast shutdown, by the pid in its pid file. */
    private void stopOrphanedPostgres() {
        Path pidFile = directory.resolve("pg").resolve("postmaster.pid");
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
                ProcessHandle.of(pid).ifPresent(postmaster -> {
                    postmaster.destroy();
                    postmaster.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
                });
            }
        }
        catch (IOException | RuntimeException e) {
            // nothing left to stop
        }
    }
}
