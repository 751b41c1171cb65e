package com.getpaidx.orgs.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.getpaidx.orgs.shared.SecretTokens;

/**
 * The embedded cluster's superuser password, kept beside the data in {@value #FILE} (mode 600), so that
 * tools on this machine (bench/run, psql) can read it and nobody else can. zonky creates every cluster
 * with {@code initdb -A trust}; {@link #secure} replaces that on each start with scram-sha-256 on loopback,
 * which also converts a cluster made before passwords existed.
 */
final class ClusterPassword {

    static final String FILE = "getpaidx-db-password";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{32,}");
    private static final String HBA = """
            # Written by GetPaidX at every start of the embedded cluster: a password on every connection,
            # over loopback only (listen_addresses=127.0.0.1). The password is in getpaidx-db-password.
            local   all             all                     scram-sha-256
            host    all             all     127.0.0.1/32    scram-sha-256
            local   replication     all                     scram-sha-256
            host    replication     all     127.0.0.1/32    scram-sha-256
            """;

    private ClusterPassword() {
    }

    /** The password kept in {@code dataDirectory}, or a new one when there is none yet. */
    static String storedOrNew(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(FILE);
        if (!Files.exists(file)) {
            return SecretTokens.generate();
        }
        String stored = Files.readString(file).trim();
        if (!SAFE.matcher(stored).matches()) {
            throw new IOException(file + " does not hold a password of at least 32 characters [A-Za-z0-9_-]");
        }
        return stored;
    }

    /**
     * Keeps the password beside the data first (a crash after this point still leaves it known), then sets
     * it on the superuser and makes every new connection present it.
     */
    static void secure(DataSource database, Path dataDirectory, String password) throws IOException, SQLException {
        keep(dataDirectory.resolve(FILE), password);
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            // the password is [A-Za-z0-9_-] only (checked above or generated so); utility statements take no parameters
            statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            if (!HBA.equals(Files.exists(hba) ? Files.readString(hba) : "")) {
                replace(hba, HBA);
                statement.execute("SELECT pg_reload_conf()");
            }
        }
    }

    private static void keep(Path file, String password) throws IOException {
        if (!Files.exists(file)) {
            replace(file, password + "\n");
        }
        else {
            ownerOnly(file);
        }
    }

    private static void replace(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        ownerOnly(temporary);
        Files.writeString(temporary, content);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps the directory's default permissions
        }
    }
}
