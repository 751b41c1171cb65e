package com.getpaidx.orgs.events.internal;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.events.DeliveryStatus;
import com.getpaidx.orgs.events.EventDelivery;
import com.getpaidx.orgs.shared.OutboxGauges;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TransactionReads;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox's gauges count pending and dead deliveries every few seconds, while delivered rows stay in the table
 * for good: the counts read only the rows they count (partial indexes, V26 and V34), never the delivered ones; so
 * does the operator's list of pending or dead deliveries, however often the same statement runs.
 */
@IntegrationTest
class EventBacklogIntegrationTests {

    private static final int DELIVERED = 5_000;

    @Autowired JdbcEventDeliveryRepository deliveries;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    @Test
    void theBacklogReadsNoDeliveredRow() {
        transactions.executeWithoutResult(tx -> {
            UUID org = UUID.randomUUID();
            insert(org, "delivered", DELIVERED);
            insert(org, "dead", 3);
            long before = TransactionReads.rows(jdbc, "event_delivery");

            OutboxGauges.Backlog backlog = deliveries.backlog();

            long read = TransactionReads.rows(jdbc, "event_delivery") - before;
            assertThat(backlog.dead()).isGreaterThanOrEqualTo(3);
            assertThat(read).as("event_delivery rows read to count %d pending and %d dead", backlog.pending(), backlog.dead())
                    .isLessThanOrEqualTo(2 * (backlog.pending() + backlog.dead()));
            tx.setRollbackOnly();
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = DeliveryStatus.class, names = { "PENDING", "DEAD" })
    void theOperatorsListOfWaitingOrDeadDeliveriesReadsNoDeliveredRow(DeliveryStatus status) {
        transactions.executeWithoutResult(tx -> {
            UUID org = UUID.randomUUID();
            insert(org, "delivered", DELIVERED);
            insert(org, status.json(), 3);
            OutboxGauges.Backlog backlog = deliveries.backlog();
            long listed = status == DeliveryStatus.DEAD ? backlog.dead() : backlog.pending();
            // more calls than the driver needs to prepare the statement on the server (and the planner to go generic)
            for (int call = 0; call < 8; call++) {
                long before = TransactionReads.rows(jdbc, "event_delivery");
                List<EventDelivery> page = deliveries.list(status, null, PageRequest.first(20));
                long read = TransactionReads.rows(jdbc, "event_delivery") - before;
                assertThat(page).hasSizeGreaterThanOrEqualTo(3).allMatch(d -> d.status() == status);
                assertThat(read).as("rows read by call %d to list %d of %d %s", call, page.size(), listed, status)
                        .isLessThanOrEqualTo(2 * listed);
            }
            tx.setRollbackOnly();
        });
    }

    private void insert(UUID org, String status, int rows) {
        jdbc.sql("""
                INSERT INTO event_delivery (org_id, id, webhook_id, type, endpoint_url, body, status, next_attempt_at,
                                            created_at, delivered_at)
                SELECT :org, gen_random_uuid(), 'msg_' || gen_random_uuid(), 'member.added', 'http://127.0.0.1:9/events',
                       '{}', :status, now(), now(), CASE WHEN :status = 'delivered' THEN now() END
                  FROM generate_series(1, :rows)""")
                .param("org", org).param("status", status).param("rows", rows).update();
    }
}
