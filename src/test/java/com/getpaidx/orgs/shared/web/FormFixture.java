package com.getpaidx.orgs.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.billing.NewCustomer;
import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.billing.SeatCheckout;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;

/**
 * What every corpus row posts against, built once: an org with its owner (who may use every form), a member,
 * a pending invitation, a workspace of the owner's, and a sandbox customer with a paid seat subscription.
 */
record FormFixture(Api.User owner, Api.User member, UUID org, String invitationId, String workspaceId,
        String customerId, String subscriptionId, String snapshotQuery) {

    /** Tables a background worker writes on its own schedule: no row's doing, so not part of the snapshot. */
    private static final List<String> BACKGROUND = List.of("mail_outbox", "payment_event", "api_token", "login_failure");

    static FormFixture build(Api api, Fixtures fixtures, PaymentProvider provider, JdbcClient jdbc) {
        Api.User owner = api.newUser("corpus-owner");
        UUID org = api.newOrg(owner);
        Api.User member = fixtures.newMember(org, owner, Role.MEMBER);
        String invitation = api.post("/api/v1/orgs/" + org + "/invitations", owner.token(),
                Map.of("email", "corpus-invitee-" + UUID.randomUUID() + "@example.com", "role", "member")).text("id");
        String workspace = "corpus-ws-" + UUID.randomUUID();
        api.put("/api/v1/workspaces/" + workspace, api.serviceToken(),
                Map.of("ownerUserId", owner.id().toString(), "name", "Corpus workspace"));
        // a sandbox customer of an org of its own, so the org above keeps no subscription and every seat form works
        OrgId elsewhere = new OrgId(UUID.randomUUID());
        String customer = provider.createCustomer(new NewCustomer(elsewhere, "Corpus Seats", "corpus-" + elsewhere));
        String session = provider.createSeatCheckout(new SeatCheckout(customer, elsewhere, null, 2,
                "http://localhost/return", "http://localhost/cancel", "corpus-seats-" + elsewhere)).sessionId();
        String subscription = api.post("/sandbox/api/checkout-sessions/" + session + "/complete", null, null)
                .text("subscriptionId");
        return new FormFixture(owner, member, org, invitation, workspace, customer, subscription, snapshotQuery(jdbc));
    }

    String freshEmail() {
        return "corpus-" + UUID.randomUUID() + "@example.com";
    }

    /** The valid value of a path variable of {@code form}. */
    String variable(String form, String name) {
        return switch (name) {
            case "id" -> form.startsWith("/sandbox/checkout/") ? "cs_sbx_none" : org.toString();
            case "userId" -> member.id().toString();
            case "invitationId" -> invitationId;
            case "customerId" -> customerId;
            case "subscriptionId" -> subscriptionId;
            default -> throw new IllegalArgumentException("no fixture value for {" + name + "} of " + form);
        };
    }

    /**
     * Every row the fixture's org, people and sandbox customer have, table by table (found by column, so new
     * tables are included), as counts and digests in one query: any insert, update or delete shows.
     */
    String snapshot(JdbcClient jdbc) {
        Map<String, Object> keys = Map.of(
                "org_id", List.of(org),
                "user_id", List.of(owner.id(), member.id()),
                "owner_user_id", List.of(owner.id()),
                "customer_id", List.of(customerId));
        return String.join("\n", jdbc.sql(snapshotQuery).params(keys).query(String.class).list());
    }

    private static String snapshotQuery(JdbcClient jdbc) {
        List<String> keys = List.of("org_id", "user_id", "owner_user_id", "customer_id");
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT table_name, column_name FROM information_schema.columns
                 WHERE table_schema = current_schema() AND column_name IN (:names)
                 ORDER BY table_name, column_name""").param("names", keys).query().listOfRows();
        List<String> digests = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            // the seat module learns of the sandbox customer's subscription by webhook, whenever that arrives
            boolean ownSandbox = !name.equals("customer_id") || table.startsWith("sandbox_");
            if (!BACKGROUND.contains(table) && !table.startsWith("flyway") && ownSandbox) {
                digests.add("SELECT '%1$s.%2$s=' || count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
                        .formatted(table, name) + " FROM %1$s t WHERE %2$s IN (:%2$s)".formatted(table, name));
            }
        }
        return String.join("\nUNION ALL\n", digests);
    }
}
