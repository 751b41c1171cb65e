package com.getpaidx.orgs.account.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;

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

    private static String storedOrGenerated(Path file) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file).trim();
                if (stored.length() >= MIN_LENGTH) {
                    return stored;
                }
            }
            String generated = SecretTokens.generate();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, generated + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the file keeps its default permissions
            }
            log.info("Generated a service token for the workspace runtime in {}: {}", file.toAbsolutePath(), generated);
            return generated;
        }
        catch (IOException e) {
            throw new IllegalStateException("Could not keep the generated service token in " + file.toAbsolutePath(), e);
        }
    }
}
