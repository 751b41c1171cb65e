package com.getpaidx.orgs.shared;

import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads every row of a query one at a time, in constant memory (exports of whole ledgers). PostgreSQL sends
 * rows in batches of {@link #FETCH_SIZE} only inside a transaction, so the caller must hold one.
 */
@Component
public class RowStream {

    static final int FETCH_SIZE = 1_000;

    private final NamedParameterJdbcTemplate jdbc;

    RowStream(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /** Hands each row, mapped, to {@code sink} while the query runs; returns how many there were. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> long each(String sql, Map<String, ?> parameters, RowMapper<T> mapper, Consumer<? super T> sink) {
        long[] count = { 0 };
        jdbc.query(sql, parameters, rs -> {
            sink.accept(mapper.mapRow(rs, (int) count[0]));
            count[0]++;
        });
        return count[0];
    }
}
