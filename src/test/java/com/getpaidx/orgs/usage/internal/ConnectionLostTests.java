package com.getpaidx.orgs.usage.internal;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed charges may still have committed: a broken connection or a server gone away mid-statement. */
class ConnectionLostTests {

    private static SQLException state(String sqlState) {
        return new SQLException("failed", sqlState);
    }

    @Test
    void aBrokenConnectionOrAServerGoneAwayMayHaveCommitted() {
        assertThat(ConnectionLost.mayHaveCommitted(new DataAccessResourceFailureException("io", state("08006")))).isTrue();
        assertThat(ConnectionLost.mayHaveCommitted(new UncategorizedSQLException("charge", "SELECT", state("57P01")))).isTrue();
        assertThat(ConnectionLost.mayHaveCommitted(new UncategorizedSQLException("charge", "SELECT", state("57P02")))).isTrue();
    }

    @Test
    void noConnectionARefusedOrACancelledStatementCommittedNothing() {
        assertThat(ConnectionLost.mayHaveCommitted(new CannotGetJdbcConnectionException("pool", state("08001")))).isFalse();
        assertThat(ConnectionLost.mayHaveCommitted(new DataIntegrityViolationException("key", state("23505")))).isFalse();
        assertThat(ConnectionLost.mayHaveCommitted(new QueryTimeoutException("cancel", state("57014")))).isFalse();
        assertThat(ConnectionLost.mayHaveCommitted(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
