package com.getpaidx.orgs.shared.database;

import java.io.IOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A running embedded PostgreSQL and how to reach it: 127.0.0.1, its port, user postgres and its password. */
record EmbeddedCluster(EmbeddedPostgres postgres, String password) implements AutoCloseable {

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    int port() {
        return postgres.getPort();
    }

    /** The postgres database, as its superuser with the password. */
    DataSource database() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
