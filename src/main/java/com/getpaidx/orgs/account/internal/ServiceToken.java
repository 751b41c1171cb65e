package com.getpaidx.orgs.account.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.shared.GetPaidXProperties;
import com.getpaidx.orgs.shared.SecretTokens;

/**
 * The workspace runtime's shared secret. Checked in memory on every service call (no query); in the
 * local default it is generated once, kept in a file and logged once so a developer can use it.
 */
@Component
public class ServiceToken {

    static final int MIN_LENGTH = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Logger log = LoggerFactory.getLogger(ServiceToken.class);

    private final byte[] token;

    ServiceToken(GetPaidXProperties properties) {
        this.token = resolve(properties).getBytes(StandardCharsets.UTF_8);
    }

    public boolean matches(String presented) {
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String resolve(GetPaidXProperties properties) {
        String configured = properties.serviceToken();
        if (configured != null && !configured.isBlank()) {
            if (configured.length() < MIN_LENGTH) {
                throw new IllegalStateException("GETPAIDX_SERVICE_TOKEN must be at least " + MIN_LENGTH + " characters");
            }
            return configured;
        }
        if (properties.production()) {
            throw new IllegalStateException("GETPAIDX_SERVICE_TOKEN must be set in production");
        }
        return storedOrGenerated(properties.serviceTokenFile());
    }

    /**
     * The kept token, or a new one written to a file that is private from the moment it exists: it is
     * created with mode 600 next to the target and moved over it, so no reader ever sees it wider. A kept
     * file that others may read is narrowed to 600, with a warning (delete it to get a new token).
     */
    static String storedOrGenerated(Path file) {
        try {
            if (Files.exists(file)) {
                ownerOnly(file);
                String stored = Files.readString(file).trim();
                if (stored.length() >= MIN_LENGTH) {
                    return stored;
                }
            }
            String generated = SecretTokens.generate();
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            Path draft = createPrivate(directory.resolve(file.getFileName() + ".new"));
            Files.writeString(draft, generated + "\n");
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("Generated a service token for the workspace runtime in {}: {}", file.toAbsolutePath(), generated);
            return generated;
        }
        catch (IOException e) {
            throw new IllegalStateException("Could not keep the generated service token in " + file.toAbsolutePath(), e);
        }
    }

    static Path createPrivate(Path draft) throws IOException {
        Files.deleteIfExists(draft); // a draft left by a crash may have any mode: start over
        if (posix(draft)) {
            return Files.createFile(draft, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        return Files.createFile(draft); // not a POSIX file system: its default permissions
    }

    private static void ownerOnly(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        Set<PosixFilePermission> current = Files.getPosixFilePermissions(file);
        if (!current.equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            log.warn("The service token file {} was {}; narrowed to rw-------. Delete it to get a new token if others may have read it",
                    file.toAbsolutePath(), PosixFilePermissions.toString(current));
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
