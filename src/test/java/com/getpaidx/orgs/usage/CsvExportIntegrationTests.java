package com.getpaidx.orgs.usage;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.PageSession;
import com.getpaidx.orgs.usage.UsageTraffic.Billed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Accept: text/csv} on the usage-events, wallet/transactions and audit-events lists, and the page downloads:
 * a header row, decimal credits, UTC ISO-8601 times, every row of the range, the JSON list's roles.
 */
@IntegrationTest
class CsvExportIntegrationTests {

    private static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired JdbcClient jdbc;

    private UsageTraffic traffic() {
        return new UsageTraffic(api, fixtures, funding);
    }

    @Test
    void usageEventsAsCsvHaveAHeaderDecimalCreditsAndUtcTimesWithinTheRange() {
        Billed billed = traffic().billed("100");
        for (String day : List.of("2026-11-20", "2026-11-21", "2026-11-22")) {
            var event = UsageTraffic.event("evt-" + day + "-" + UUID.randomUUID(), billed.workspace(),
                    billed.roster().member().id(), "1.25");
            event.put("occurredAt", day + "T08:00:00Z");
            assertThat(traffic().report(event).status()).isEqualTo(201);
        }
        String path = "/api/v1/orgs/" + billed.org() + "/usage-events?from=2026-11-21T00:00:00Z&to=2026-11-22T00:00:00Z";

        Api.Text csv = api.text(path, billed.roster().owner().token(), "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst())
                .isEqualTo("eventId,workspaceId,userId,payerUserId,credits,kind,model,occurredAt,recordedAt");
        assertThat(lines).hasSize(2);
        String[] cells = lines.get(1).split(",");
        assertThat(cells[0]).startsWith("evt-2026-11-21");
        assertThat(cells[4]).isEqualTo("1.25");
        assertThat(cells[7]).isEqualTo("2026-11-21T08:00:00Z");
        String all = "/api/v1/orgs/" + billed.org() + "/usage-events?from=&to=";
        assertThat(api.text(all, billed.roster().owner().token(), "text/csv").body().lines())
                .as("blank from and to are not given: the whole history").hasSize(4);
        String offset = "/api/v1/orgs/" + billed.org() + "/usage-events?from=2026-11-21T02:00:00%2B02:00&to=2026-11-22T00:00:00Z";
        assertThat(api.text(offset, billed.roster().owner().token(), "text/csv").body().lines()).as("an offset").hasSize(2);
        assertThat(cells[8]).matches(ISO_UTC);
        assertThat(api.get(path, billed.roster().owner().token()).body().get("items")).as("JSON stays the default")
                .hasSize(1);
    }

    @Test
    void walletTransactionsAndTheAuditLogAsCsv() {
        Billed billed = traffic().billed("250");
        assertThat(traffic().charge(billed, "0.5").status()).isEqualTo(201);
        api.patch("/api/v1/orgs/" + billed.org(), billed.roster().owner().token(), Map.of("name", "Renamed, \"quoted\""));
        String owner = billed.roster().owner().token();

        Api.Text wallet = api.text("/api/v1/orgs/" + billed.org() + "/wallet/transactions", owner, "text/csv");
        assertThat(wallet.status()).isEqualTo(200);
        List<String> entries = wallet.body().lines().toList();
        assertThat(entries.getFirst()).isEqualTo("id,type,credits,balanceAfter,reference,createdAt");
        assertThat(entries).anySatisfy(line -> assertThat(line).contains(",topup,1000,1000,"))
                .anySatisfy(line -> assertThat(line).contains(",adjustment,-750,250,"))
                .anySatisfy(line -> assertThat(line).contains(",usage,-0.5,249.5,"));
        assertThat(entries.getLast()).as("oldest first").contains(",usage,");
        assertThat(entries.get(1).substring(entries.get(1).lastIndexOf(',') + 1)).matches(ISO_UTC);

        Api.Text audit = api.text("/api/v1/orgs/" + billed.org() + "/audit-events", owner, "text/csv");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().lines().findFirst().orElseThrow())
                .isEqualTo("id,action,actorUserId,targetType,targetId,before,after,createdAt");
        assertThat(audit.body()).as("a cell with a comma or quote is quoted, its quotes doubled")
                .contains("\"{\"\"name\"\":\"\"Renamed, \\\"\"quoted\\\"\"\"\"}\"");
    }

    @Test
    void theCsvListsKeepTheRolesOfTheJsonLists() {
        Billed billed = traffic().billed("10");
        Fixtures.Roster roster = billed.roster();
        String org = "/api/v1/orgs/" + roster.org();

        assertRefused(api.text(org + "/wallet/transactions", roster.member().token(), "text/csv"), 403, "forbidden");
        assertRefused(api.text(org + "/audit-events", roster.member().token(), "text/csv"), 403, "forbidden");
        for (String list : List.of("/usage-events", "/wallet/transactions", "/audit-events")) {
            assertRefused(api.text(org + list, roster.outsider().token(), "text/csv"), 404, "org_not_found");
        }
        assertThat(api.text(org + "/audit-events", roster.admin().token(), "text/csv").status()).isEqualTo(200);

        // a member's usage export holds their own events only, like their JSON list
        assertThat(traffic().charge(billed, "1").status()).isEqualTo(201);
        Billed other = new Billed(roster, traffic().workspaceOf(roster.billingAdmin()));
        traffic().bind(roster.billingAdmin(), other.workspace(), roster.org());
        traffic().report(UsageTraffic.event("evt-" + UUID.randomUUID(), other.workspace(), roster.billingAdmin().id(), "2"));
        assertThat(api.text(org + "/usage-events", roster.member().token(), "text/csv").body().lines()).hasSize(2);
        assertThat(api.text(org + "/usage-events", roster.owner().token(), "text/csv").body().lines()).hasSize(3);
    }

    @Test
    void aHundredThousandUsageEventsStreamInFull() {
        Billed billed = traffic().billed("1");
        UUID member = billed.roster().member().id();
        // set-based: the rows a busy month leaves, without charging them one by one
        jdbc.sql("""
                INSERT INTO usage_event (org_id, event_id, workspace_id, user_id, payer_user_id, credits, kind, model,
                                         occurred_at, recorded_at)
                SELECT :org, 'bulk-' || :tag || '-' || lpad(n::text, 6, '0'), :ws, :member, :member, 1000 + n, 'chat',
                       'gpt-x', timestamptz '2026-10-01 00:00:00Z' + n * interval '1 second',
                       timestamptz '2026-10-01 00:00:00Z' + n * interval '1 second'
                  FROM generate_series(1, 100000) AS n""")
                .param("org", billed.org()).param("tag", UUID.randomUUID().toString()).param("ws", billed.workspace())
                .param("member", member).update();

        Api.Text csv = api.text("/api/v1/orgs/" + billed.org() + "/usage-events?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z",
                billed.roster().owner().token(), "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Length")).as("streamed (chunked), not built in memory first")
                .isEmpty();
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(100_001);
        assertThat(lines.get(1)).contains(",0.001001,").contains("2026-10-01T00:00:01Z");
        assertThat(lines.getLast()).contains(",0.101,").contains("2026-10-02T03:46:40Z");
    }

    @Test
    void thePagesDownloadTheSameCsvForADayRange() {
        Billed billed = traffic().billed("40");
        PageSession owner = PageSession.signedIn(api, billed.roster().owner());
        String org = "/settings/organizations/" + billed.org();

        PageSession.Page wallet = owner.get(org + "/wallet/export?from=2000-01-01&to=2100-01-01");
        assertThat(wallet.status()).isEqualTo(200);
        assertThat(wallet.headers().firstValue("Content-Disposition").orElseThrow()).contains("wallet-transactions.csv");
        assertThat(wallet.body().lines()).hasSize(3).anySatisfy(line -> assertThat(line).contains(",topup,1000,1000,"))
                .last().asString().contains(",adjustment,-960,40,");
        assertThat(owner.get(org + "/wallet/export?from=1999-01-01&to=1999-12-31").body().lines()).hasSize(1);
        assertThat(owner.get(org + "/usage/export").body()).startsWith("eventId,");
        assertThat(owner.get(org + "/audit/export?action=organization.created").body()).startsWith("id,action,");

        assertThat(owner.get(org + "/wallet/export?from=yesterday").status()).as("a bad date is a 400, not a 500")
                .isEqualTo(400);
        for (String export : List.of("/wallet/export", "/usage/export", "/audit/export")) {
            for (String far : List.of("?from=%2B300000-01-01", "?to=%2B999999999-12-31", "?from=-300000-01-01")) {
                assertThat(owner.get(org + export + far).status()).as(export + far + ": years PostgreSQL does not store")
                        .isEqualTo(400);
            }
        }
        assertThat(PageSession.signedIn(api, billed.roster().member()).get(org + "/audit/export").status()).isEqualTo(403);
    }

    private static void assertRefused(Api.Text response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"" + code + "\"");
    }
}
