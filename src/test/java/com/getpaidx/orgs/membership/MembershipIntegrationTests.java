package com.getpaidx.orgs.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class MembershipIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    private static String members(UUID org) {
        return "/api/v1/orgs/" + org + "/members";
    }

    private List<String> ownersOf(UUID org, Api.User asking) {
        List<String> owners = new ArrayList<>();
        api.get(members(org), asking.token()).body().get("items").forEach(member -> {
            if (member.get("role").asString().equals("owner")) {
                owners.add(member.get("userId").asString());
            }
        });
        return owners;
    }

    @Test
    void theMemberListShowsWhoIsInWhichRole() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response list = api.get(members(roster.org()), roster.member().token());
        assertThat(list.status()).isEqualTo(200);
        JsonNode items = list.body().get("items");
        assertThat(items).hasSize(4);
        assertThat(items).extracting(item -> item.get("role").asString())
                .containsExactly("owner", "admin", "billing_admin", "member");
        JsonNode owner = items.get(0);
        assertThat(owner.get("email").asString()).isEqualTo(roster.owner().email());
        assertThat(owner.get("displayName").asString()).isNotBlank();
        assertThat(owner.get("joinedAt").asString()).isNotBlank();
        assertThat(owner.get("seat").asString()).isEqualTo("none");
    }

    @Test
    void theMemberListIsPaginated() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response first = api.get(members(roster.org()) + "?limit=3", roster.owner().token());
        Api.Response rest = api.get(members(roster.org()) + "?limit=3&cursor=" + first.text("nextCursor"), roster.owner().token());
        assertThat(first.body().get("items")).hasSize(3);
        assertThat(rest.body().get("items")).hasSize(1);
        assertThat(rest.body().get("items").get(0).get("role").asString()).isEqualTo("member");
    }

    @Test
    void anOwnerPromotesAnotherOwnerWhoMayThenDemoteTheFirst() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response promoted = api.patch(members(roster.org()) + "/" + roster.admin().id(), roster.owner().token(),
                Map.of("role", "owner"));
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.text("role")).isEqualTo("owner");

        Api.Response demoted = api.patch(members(roster.org()) + "/" + roster.owner().id(), roster.admin().token(),
                Map.of("role", "member"));
        assertThat(demoted.text("role")).isEqualTo("member");
        assertThat(ownersOf(roster.org(), roster.admin())).containsExactly(roster.admin().id().toString());
    }

    @Test
    void theLastOwnerCannotBeDemotedRemovedOrLeave() {
        Fixtures.Roster roster = fixtures.roster();
        String owner = members(roster.org()) + "/" + roster.owner().id();
        for (Api.Response response : new Api.Response[] {
                api.patch(owner, roster.owner().token(), Map.of("role", "admin")),
                api.delete(owner, roster.owner().token()) }) {
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.code()).isEqualTo("last_owner");
        }
        assertThat(ownersOf(roster.org(), roster.owner())).containsExactly(roster.owner().id().toString());
    }

    @Test
    void anOwnerMayLeaveWhenAnotherOwnerStays() {
        Fixtures.Roster roster = fixtures.roster();
        api.patch(members(roster.org()) + "/" + roster.admin().id(), roster.owner().token(), Map.of("role", "owner"));
        assertThat(api.delete(members(roster.org()) + "/" + roster.owner().id(), roster.owner().token()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/orgs/" + roster.org(), roster.owner().token()).status()).isEqualTo(404);
        var audit = api.get("/api/v1/orgs/" + roster.org() + "/audit-events", roster.admin().token()).body().get("items").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("member.left");
        assertThat(audit.get("before").get("role").asString()).isEqualTo("owner");
    }

    @Test
    void removingAMemberIsAuditedAndTheyLoseAccess() {
        Fixtures.Roster roster = fixtures.roster();
        assertThat(api.delete(members(roster.org()) + "/" + roster.member().id(), roster.admin().token()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/orgs/" + roster.org(), roster.member().token()).code()).isEqualTo("org_not_found");
        var audit = api.get("/api/v1/orgs/" + roster.org() + "/audit-events", roster.owner().token()).body().get("items").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("member.removed");
        assertThat(audit.get("actorUserId").asString()).isEqualTo(roster.admin().id().toString());
        assertThat(audit.get("targetId").asString()).isEqualTo(roster.member().id().toString());
    }

    @Test
    void roleChangesAreAuditedWithBeforeAndAfter() {
        Fixtures.Roster roster = fixtures.roster();
        api.patch(members(roster.org()) + "/" + roster.member().id(), roster.admin().token(), Map.of("role", "billing_admin"));
        var audit = api.get("/api/v1/orgs/" + roster.org() + "/audit-events", roster.owner().token()).body().get("items").get(0);
        assertThat(audit.get("action").asString()).isEqualTo("member.role_changed");
        assertThat(audit.get("targetType").asString()).isEqualTo("member");
        assertThat(audit.get("before").get("role").asString()).isEqualTo("member");
        assertThat(audit.get("after").get("role").asString()).isEqualTo("billing_admin");
    }

    @Test
    void settingTheSameRoleChangesNothingAndAuditsNothing() {
        Fixtures.Roster roster = fixtures.roster();
        String audit = "/api/v1/orgs/" + roster.org() + "/audit-events";
        int before = api.get(audit, roster.owner().token()).body().get("items").size();
        Api.Response same = api.patch(members(roster.org()) + "/" + roster.member().id(), roster.owner().token(),
                Map.of("role", "member"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(api.get(audit, roster.owner().token()).body().get("items")).hasSize(before);
    }

    @Test
    void anUnknownRoleIsAValidationError() {
        Fixtures.Roster roster = fixtures.roster();
        Api.Response response = api.patch(members(roster.org()) + "/" + roster.member().id(), roster.owner().token(),
                Map.of("role", "superuser"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("validation_failed");
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("role");
    }

    /**
     * The only two owners demote each other at the same moment, round after round: whatever the
     * interleaving, one of them stays owner.
     */
    @Test
    void twoOwnersDemotingEachOtherAtOnceAlwaysLeaveAnOwner() throws Exception {
        Api.User first = api.newUser("owner-a");
        Api.User second = api.newUser("owner-b");
        UUID org = api.newOrg(first);
        fixtures.addMember(org, first, second, Role.OWNER);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 25; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                var a = CompletableFuture.supplyAsync(() -> demote(start, org, first, second), pool);
                var b = CompletableFuture.supplyAsync(() -> demote(start, org, second, first), pool);
                List<Integer> statuses = List.of(a.get().status(), b.get().status());

                List<String> owners = ownersOf(org, first);
                assertThat(owners).as("round %d: %s", round, statuses).hasSize(1);
                assertThat(statuses).as("round %d", round).contains(200);
                // the loser was either demoted before it acted (403) or found itself the last owner (409)
                assertThat(statuses).as("round %d", round).containsAnyOf(409, 403);

                // make the demoted one an owner again for the next round
                Api.User remaining = owners.getFirst().equals(first.id().toString()) ? first : second;
                Api.User demoted = remaining == first ? second : first;
                api.patch(members(org) + "/" + demoted.id(), remaining.token(), Map.of("role", "owner"));
            }
        }
    }

    /** Both owners step down at the same moment: exactly one may, the other is the last owner. */
    @Test
    void twoOwnersSteppingDownAtOnceLeaveExactlyOne() throws Exception {
        Api.User first = api.newUser("owner-a");
        Api.User second = api.newUser("owner-b");
        UUID org = api.newOrg(first);
        fixtures.addMember(org, first, second, Role.OWNER);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 25; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                var a = CompletableFuture.supplyAsync(() -> demote(start, org, first, first), pool);
                var b = CompletableFuture.supplyAsync(() -> demote(start, org, second, second), pool);
                Api.Response ra = a.get();
                Api.Response rb = b.get();

                assertThat(List.of(ra.status(), rb.status())).as("round %d", round).containsExactlyInAnyOrder(200, 409);
                assertThat(ra.status() == 409 ? ra.code() : rb.code()).isEqualTo("last_owner");
                List<String> owners = ownersOf(org, first);
                assertThat(owners).as("round %d", round).hasSize(1);

                Api.User remaining = owners.getFirst().equals(first.id().toString()) ? first : second;
                Api.User demoted = remaining == first ? second : first;
                api.patch(members(org) + "/" + demoted.id(), remaining.token(), Map.of("role", "owner"));
            }
        }
    }

    private Api.Response demote(CyclicBarrier start, UUID org, Api.User actor, Api.User target) {
        try {
            start.await();
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return api.patch(members(org) + "/" + target.id(), actor.token(), Map.of("role", "member"));
    }
}
