package com.getpaidx.orgs.organization;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class OrganizationIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    private static String uniqueSlug() {
        return "s-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @Test
    void theCreatorBecomesTheOnlyOwner() {
        Api.User creator = api.newUser();
        Api.Response created = api.post("/api/v1/orgs", creator.token(), Map.of("name", "  Northwind Traders  "));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("name")).isEqualTo("Northwind Traders");
        assertThat(created.text("status")).isEqualTo("active");
        assertThat(created.text("myRole")).isEqualTo("owner");
        assertThat(created.body().get("memberCount").asInt()).isEqualTo(1);
        assertThat(created.text("createdAt")).isNotBlank();

        Api.Response members = api.get("/api/v1/orgs/" + created.text("id") + "/members", creator.token());
        assertThat(members.body().get("items")).hasSize(1);
        assertThat(members.body().get("items").get(0).get("role").asString()).isEqualTo("owner");
        assertThat(members.body().get("items").get(0).get("userId").asString()).isEqualTo(creator.id().toString());
    }

    @Test
    void theSlugIsDerivedFromTheNameAndMadeUniqueWhenTaken() {
        Api.User creator = api.newUser();
        String name = "Ünïcorn Café " + UUID.randomUUID().toString().substring(0, 6);
        String first = api.post("/api/v1/orgs", creator.token(), Map.of("name", name)).text("slug");
        String second = api.post("/api/v1/orgs", creator.token(), Map.of("name", name)).text("slug");
        assertThat(first).matches("[a-z0-9-]{2,40}").startsWith("unicorn-cafe-");
        assertThat(second).isEqualTo(first + "-2");
    }

    @Test
    void aGivenSlugIsKeptAndATakenOneRefused() {
        Api.User creator = api.newUser();
        String slug = uniqueSlug();
        Api.Response created = api.post("/api/v1/orgs", creator.token(), Map.of("name", "Acme", "slug", slug));
        assertThat(created.text("slug")).isEqualTo(slug);

        Api.Response taken = api.post("/api/v1/orgs", api.newUser().token(), Map.of("name", "Other", "slug", slug));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("slug_taken");
    }

    @Test
    void slugsOutsideTheAlphabetAreRefused() {
        Api.User creator = api.newUser();
        for (String slug : new String[] { "A-Corp", "x", "a_b", "with space", "a".repeat(41) }) {
            Api.Response response = api.post("/api/v1/orgs", creator.token(), Map.of("name", "Acme", "slug", slug));
            assertThat(response.status()).as(slug).isEqualTo(400);
            assertThat(response.code()).isEqualTo("validation_failed");
            assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("slug");
        }
    }

    @Test
    void namesMustBeOneToHundredCharactersAfterTrimming() {
        Api.User creator = api.newUser();
        assertThat(api.post("/api/v1/orgs", creator.token(), Map.of("name", "   ")).code()).isEqualTo("validation_failed");
        assertThat(api.post("/api/v1/orgs", creator.token(), Map.of("name", "n".repeat(101))).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/orgs", creator.token(), Map.of("name", "n".repeat(100))).status()).isEqualTo(201);
    }

    @Test
    void aRefusedCreateLeavesNothingBehind() {
        Api.User creator = api.newUser();
        api.post("/api/v1/orgs", creator.token(), Map.of("name", "Fine", "slug", "NOT VALID"));
        assertThat(api.get("/api/v1/orgs", creator.token()).body().get("items")).isEmpty();
    }

    @Test
    void myOrgsListsEachWithMyRoleAndMemberCount() {
        Api.User owner = api.newUser();
        Api.User me = api.newUser();
        UUID theirs = api.newOrg(owner);
        fixtures.addMember(theirs, owner, me, Role.BILLING_ADMIN);
        UUID mine = api.newOrg(me);
        api.newOrg(owner); // not mine

        Api.Response list = api.get("/api/v1/orgs", me.token());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items")).hasSize(2);
        var byId = new java.util.HashMap<String, tools.jackson.databind.JsonNode>();
        list.body().get("items").forEach(item -> byId.put(item.get("id").asString(), item));
        assertThat(byId.get(theirs.toString()).get("myRole").asString()).isEqualTo("billing_admin");
        assertThat(byId.get(theirs.toString()).get("memberCount").asInt()).isEqualTo(2);
        assertThat(byId.get(mine.toString()).get("myRole").asString()).isEqualTo("owner");
        assertThat(list.body().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void myOrgsArePaginatedWithACursor() {
        Api.User me = api.newUser();
        for (int i = 0; i < 5; i++) {
            api.newOrg(me);
        }
        Api.Response first = api.get("/api/v1/orgs?limit=2", me.token());
        Api.Response second = api.get("/api/v1/orgs?limit=2&cursor=" + first.text("nextCursor"), me.token());
        Api.Response third = api.get("/api/v1/orgs?limit=2&cursor=" + second.text("nextCursor"), me.token());
        assertThat(first.body().get("items")).hasSize(2);
        assertThat(second.body().get("items")).hasSize(2);
        assertThat(third.body().get("items")).hasSize(1);
        assertThat(third.body().get("nextCursor").isNull()).isTrue();
        var ids = new java.util.HashSet<String>();
        for (var page : new Api.Response[] { first, second, third }) {
            page.body().get("items").forEach(item -> ids.add(item.get("id").asString()));
        }
        assertThat(ids).hasSize(5);
    }

    @Test
    void renamingIsAudited() {
        Api.User owner = api.newUser();
        UUID org = api.newOrg(owner);
        Api.Response renamed = api.patch("/api/v1/orgs/" + org, owner.token(), Map.of("name", "New Name"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("New Name");
        assertThat(api.get("/api/v1/orgs/" + org, owner.token()).text("name")).isEqualTo("New Name");

        var latest = api.get("/api/v1/orgs/" + org + "/audit-events", owner.token()).body().get("items").get(0);
        assertThat(latest.get("action").asString()).isEqualTo("organization.renamed");
        assertThat(latest.get("actorUserId").asString()).isEqualTo(owner.id().toString());
        assertThat(latest.get("after").get("name").asString()).isEqualTo("New Name");
    }

    @Test
    void anArchivedOrgRefusesEveryChangeButUnarchive() {
        Fixtures.Roster roster = fixtures.roster();
        String org = "/api/v1/orgs/" + roster.org();
        Api.Response archived = api.post(org + "/archive", roster.owner().token(), null);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.text("status")).isEqualTo("archived");

        String owner = roster.owner().token();
        assertArchived(api.patch(org, owner, Map.of("name", "Nope")));
        assertArchived(api.post(org + "/archive", owner, null));
        assertArchived(api.patch(org + "/members/" + roster.member().id(), owner, Map.of("role", "admin")));
        assertArchived(api.delete(org + "/members/" + roster.member().id(), owner));
        assertArchived(api.delete(org + "/members/" + roster.member().id(), roster.member().token()));

        assertThat(api.get(org, roster.member().token()).text("status")).isEqualTo("archived");
        assertThat(api.get(org + "/members", roster.member().token()).status()).isEqualTo(200);

        Api.Response unarchived = api.post(org + "/unarchive", owner, null);
        assertThat(unarchived.text("status")).isEqualTo("active");
        assertThat(api.patch(org, owner, Map.of("name", "Back")).status()).isEqualTo(200);
    }

    private static void assertArchived(Api.Response response) {
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.code()).isEqualTo("org_archived");
    }

    @Test
    void archiveAndUnarchiveAreAudited() {
        Api.User owner = api.newUser();
        UUID org = api.newOrg(owner);
        api.post("/api/v1/orgs/" + org + "/archive", owner.token(), null);
        api.post("/api/v1/orgs/" + org + "/unarchive", owner.token(), null);
        var items = api.get("/api/v1/orgs/" + org + "/audit-events", owner.token()).body().get("items");
        assertThat(items.get(0).get("action").asString()).isEqualTo("organization.unarchived");
        assertThat(items.get(1).get("action").asString()).isEqualTo("organization.archived");
        assertThat(items.get(1).get("before").get("status").asString()).isEqualTo("active");
        assertThat(items.get(1).get("after").get("status").asString()).isEqualTo("archived");
        assertThat(items.get(2).get("action").asString()).isEqualTo("organization.created");
    }

    @Test
    void theAuditLogIsPaginatedNewestFirst() {
        Api.User owner = api.newUser();
        UUID org = api.newOrg(owner);
        for (int i = 1; i <= 3; i++) {
            api.patch("/api/v1/orgs/" + org, owner.token(), Map.of("name", "Name " + i));
        }
        String audit = "/api/v1/orgs/" + org + "/audit-events?limit=2";
        Api.Response first = api.get(audit, owner.token());
        Api.Response second = api.get(audit + "&cursor=" + first.text("nextCursor"), owner.token());
        assertThat(first.body().get("items")).extracting(e -> e.get("after").get("name").asString())
                .containsExactly("Name 3", "Name 2");
        assertThat(second.body().get("items")).extracting(e -> e.get("action").asString())
                .containsExactly("organization.renamed", "organization.created");
        assertThat(second.body().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void anUnknownOrgLooksLikeAnOrgYouAreNotIn() {
        Api.User user = api.newUser();
        Api.Response unknown = api.get("/api/v1/orgs/" + UUID.randomUUID(), user.token());
        Api.Response notMine = api.get("/api/v1/orgs/" + api.newOrg(api.newUser()), user.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("org_not_found").isEqualTo(notMine.code());
        assertThat(unknown.body().get("detail")).isEqualTo(notMine.body().get("detail"));
    }
}
