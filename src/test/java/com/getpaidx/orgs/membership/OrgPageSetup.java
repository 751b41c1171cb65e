package com.getpaidx.orgs.membership;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;

import static org.assertj.core.api.Assertions.assertThat;

/** An organization with something in every section: members in each role, credits, usage, audit events. */
final class OrgPageSetup {

    static final List<String> SECTIONS = List.of("members", "invitations", "wallet", "usage", "seats", "audit", "settings");

    record Org(Fixtures.Roster roster, String workspace) {

        UUID id() {
            return roster.org();
        }

        String path(String section) {
            return "/settings/organizations/" + roster.org() + ("overview".equals(section) ? "" : "/" + section);
        }
    }

    private OrgPageSetup() {
    }

    static Org busy(Api api, Fixtures fixtures, Funding funding) {
        Fixtures.Roster roster = fixtures.roster();
        funding.fund(roster.org(), roster.owner(), Credits.parse("500"));
        String workspace = "ws-" + UUID.randomUUID();
        assertThat(api.put("/api/v1/workspaces/" + workspace, api.serviceToken(),
                Map.of("ownerUserId", roster.owner().id().toString(), "name", "Research notebook")).status()).isEqualTo(201);
        assertThat(api.put("/api/v1/workspaces/" + workspace + "/billing", roster.owner().token(),
                Map.of("target", "org", "orgId", roster.org().toString())).status()).isEqualTo(200);
        for (String credits : List.of("12.5", "3", "0.75")) {
            assertThat(api.post("/api/v1/usage-events", api.serviceToken(), Map.of("eventId", "evt-" + UUID.randomUUID(),
                    "workspaceId", workspace, "userId", roster.owner().id().toString(), "credits", credits, "kind", "chat",
                    "model", "gpt-x", "occurredAt", Instant.now().toString())).status()).isEqualTo(201);
        }
        api.patch("/api/v1/orgs/" + roster.org(), roster.owner().token(), Map.of("name", "Busy Org " + roster.org()
                .toString().substring(0, 6)));
        api.post("/api/v1/orgs/" + roster.org() + "/invitations", roster.owner().token(),
                Map.of("email", "pending-" + UUID.randomUUID() + "@example.com", "role", "member"));
        return new Org(roster, workspace);
    }
}
