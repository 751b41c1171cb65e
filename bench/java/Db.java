import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * JDBC connections to the service's embedded PostgreSQL, as user postgres on 127.0.0.1. When the data
 * directory holds {@code getpaidx-db-password} (the embedded cluster then requires scram), its first
 * line is the password; without it the connection has none, as the cluster trusts local connections.
 */
final class Db {

    static final String PASSWORD_FILE = "getpaidx-db-password";

    private final String url;
    private final Path dataDirectory;

    Db(Options options) {
        this.url = options.require("jdbc");
        if (!url.startsWith("jdbc:postgresql://127.0.0.1:")) {
            throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1, not " + url);
        }
        this.dataDirectory = Path.of(options.require("dataDir"));
    }

    Connection connect() throws SQLException {
        return connect(false);
    }

    /** {@code batchedInserts}: the driver rewrites batched INSERTs into multi-row ones (raw JDBC). */
    Connection connect(boolean batchedInserts) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("ApplicationName", "bench");
        password().ifPresent(p -> properties.setProperty("password", p));
        if (batchedInserts) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        return DriverManager.getConnection(url, properties);
    }

    private java.util.Optional<String> password() {
        Path file = dataDirectory.resolve(PASSWORD_FILE);
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try {
            return Files.readAllLines(file).stream().findFirst().map(String::strip);
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
