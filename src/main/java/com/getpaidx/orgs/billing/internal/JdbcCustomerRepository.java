package com.getpaidx.orgs.billing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.getpaidx.orgs.shared.OrgId;

@Repository
public class JdbcCustomerRepository {

    private final JdbcClient jdbc;

    JdbcCustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> find(OrgId org) {
        return jdbc.sql("SELECT customer_id FROM billing_customer WHERE org_id = :org")
                .param("org", org.value()).query(String.class).optional();
    }

    public void insert(OrgId org, String provider, String customerId, Instant now) {
        jdbc.sql("""
                INSERT INTO billing_customer (org_id, provider, customer_id, created_at)
                VALUES (:org, :provider, :customer, :now) ON CONFLICT (org_id) DO NOTHING""")
                .param("org", org.value()).param("provider", provider).param("customer", customerId)
                .param("now", Timestamp.from(now)).update();
    }
}
