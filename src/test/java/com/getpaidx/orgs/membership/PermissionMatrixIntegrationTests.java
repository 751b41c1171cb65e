package com.getpaidx.orgs.membership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.PermissionTable;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Fixtures.Roster;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.of;

/**
 * DESIGN §2 over HTTP: every organization and member endpoint, called by each role, a non-member and
 * nobody. Anonymous → 401 {@code unauthorized}; a non-member → 404 {@code org_not_found} (existence is
 * not leaked); a member without the permission → 403 {@code forbidden}.
 */
@IntegrationTest
class PermissionMatrixIntegrationTests {

    private static final String GET_ORG = "GET /orgs/{id}";
    private static final String RENAME_ORG = "PATCH /orgs/{id}";
    private static final String ARCHIVE = "POST /orgs/{id}/archive";
    private static final String UNARCHIVE = "POST /orgs/{id}/unarchive";
    private static final String LIST_MEMBERS = "GET /orgs/{id}/members";
    private static final String MEMBER_TO_BILLING_ADMIN = "PATCH /orgs/{id}/members/{member} billing_admin";
    private static final String OWNER_TO_ADMIN = "PATCH /orgs/{id}/members/{owner} admin";
    private static final String REMOVE_MEMBER = "DELETE /orgs/{id}/members/{member}";
    private static final String REMOVE_OWNER = "DELETE /orgs/{id}/members/{owner}";
    private static final String AUDIT_EVENTS = "GET /orgs/{id}/audit-events";

    private static final Map<String, PermissionTable.Call> ENDPOINTS = new LinkedHashMap<>();

    static {
        ENDPOINTS.put(GET_ORG, (api, r, token) -> api.get(org(r), token));
        ENDPOINTS.put(RENAME_ORG, (api, r, token) -> api.patch(org(r), token, Map.of("name", "Renamed")));
        ENDPOINTS.put(ARCHIVE, (api, r, token) -> api.post(org(r) + "/archive", token, null));
        ENDPOINTS.put(UNARCHIVE, (api, r, token) -> api.post(org(r) + "/unarchive", token, null));
        ENDPOINTS.put(LIST_MEMBERS, (api, r, token) -> api.get(org(r) + "/members", token));
        ENDPOINTS.put(MEMBER_TO_BILLING_ADMIN,
                (api, r, token) -> api.patch(member(r, r.member()), token, Map.of("role", "billing_admin")));
        ENDPOINTS.put(OWNER_TO_ADMIN, (api, r, token) -> api.patch(member(r, r.owner()), token, Map.of("role", "admin")));
        ENDPOINTS.put(REMOVE_MEMBER, (api, r, token) -> api.delete(member(r, r.member()), token));
        ENDPOINTS.put(REMOVE_OWNER, (api, r, token) -> api.delete(member(r, r.owner()), token));
        ENDPOINTS.put(AUDIT_EVENTS, (api, r, token) -> api.get(org(r) + "/audit-events", token));
    }

    /**
     * The expected answer of every endpoint to every caller; {@code null} code = success. The roster's
     * only owner cannot demote or remove themselves (409 {@code last_owner}); the plain member removing
     * the plain member is leaving, which every role may do.
     */
    static Stream<Arguments> everyEndpointForEveryCaller() {
        return Stream.of(
                of(GET_ORG, "owner", 200, null),
                of(GET_ORG, "admin", 200, null),
                of(GET_ORG, "billing_admin", 200, null),
                of(GET_ORG, "member", 200, null),
                of(GET_ORG, "non_member", 404, "org_not_found"),
                of(GET_ORG, "anonymous", 401, "unauthorized"),

                of(RENAME_ORG, "owner", 200, null),
                of(RENAME_ORG, "admin", 200, null),
                of(RENAME_ORG, "billing_admin", 403, "forbidden"),
                of(RENAME_ORG, "member", 403, "forbidden"),
                of(RENAME_ORG, "non_member", 404, "org_not_found"),
                of(RENAME_ORG, "anonymous", 401, "unauthorized"),

                of(ARCHIVE, "owner", 200, null),
                of(ARCHIVE, "admin", 403, "forbidden"),
                of(ARCHIVE, "billing_admin", 403, "forbidden"),
                of(ARCHIVE, "member", 403, "forbidden"),
                of(ARCHIVE, "non_member", 404, "org_not_found"),
                of(ARCHIVE, "anonymous", 401, "unauthorized"),

                of(UNARCHIVE, "owner", 200, null),
                of(UNARCHIVE, "admin", 403, "forbidden"),
                of(UNARCHIVE, "billing_admin", 403, "forbidden"),
                of(UNARCHIVE, "member", 403, "forbidden"),
                of(UNARCHIVE, "non_member", 404, "org_not_found"),
                of(UNARCHIVE, "anonymous", 401, "unauthorized"),

                of(LIST_MEMBERS, "owner", 200, null),
                of(LIST_MEMBERS, "admin", 200, null),
                of(LIST_MEMBERS, "billing_admin", 200, null),
                of(LIST_MEMBERS, "member", 200, null),
                of(LIST_MEMBERS, "non_member", 404, "org_not_found"),
                of(LIST_MEMBERS, "anonymous", 401, "unauthorized"),

                of(MEMBER_TO_BILLING_ADMIN, "owner", 200, null),
                of(MEMBER_TO_BILLING_ADMIN, "admin", 200, null),
                of(MEMBER_TO_BILLING_ADMIN, "billing_admin", 403, "forbidden"),
                of(MEMBER_TO_BILLING_ADMIN, "member", 403, "forbidden"),
                of(MEMBER_TO_BILLING_ADMIN, "non_member", 404, "org_not_found"),
                of(MEMBER_TO_BILLING_ADMIN, "anonymous", 401, "unauthorized"),

                of(OWNER_TO_ADMIN, "owner", 409, "last_owner"),
                of(OWNER_TO_ADMIN, "admin", 403, "forbidden"),
                of(OWNER_TO_ADMIN, "billing_admin", 403, "forbidden"),
                of(OWNER_TO_ADMIN, "member", 403, "forbidden"),
                of(OWNER_TO_ADMIN, "non_member", 404, "org_not_found"),
                of(OWNER_TO_ADMIN, "anonymous", 401, "unauthorized"),

                of(REMOVE_MEMBER, "owner", 204, null),
                of(REMOVE_MEMBER, "admin", 204, null),
                of(REMOVE_MEMBER, "billing_admin", 403, "forbidden"),
                of(REMOVE_MEMBER, "member", 204, null),
                of(REMOVE_MEMBER, "non_member", 404, "org_not_found"),
                of(REMOVE_MEMBER, "anonymous", 401, "unauthorized"),

                of(REMOVE_OWNER, "owner", 409, "last_owner"),
                of(REMOVE_OWNER, "admin", 403, "forbidden"),
                of(REMOVE_OWNER, "billing_admin", 403, "forbidden"),
                of(REMOVE_OWNER, "member", 403, "forbidden"),
                of(REMOVE_OWNER, "non_member", 404, "org_not_found"),
                of(REMOVE_OWNER, "anonymous", 401, "unauthorized"),

                of(AUDIT_EVENTS, "owner", 200, null),
                of(AUDIT_EVENTS, "admin", 200, null),
                of(AUDIT_EVENTS, "billing_admin", 200, null),
                of(AUDIT_EVENTS, "member", 403, "forbidden"),
                of(AUDIT_EVENTS, "non_member", 404, "org_not_found"),
                of(AUDIT_EVENTS, "anonymous", 401, "unauthorized"));
    }

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @ParameterizedTest(name = "{0} by {1} → {2} {3}")
    @MethodSource("everyEndpointForEveryCaller")
    void eachCallerGetsTheAnswerOfTheDesign(String endpoint, String caller, int status, String code) {
        Roster roster = fixtures.roster();
        PermissionTable.assertAnswer(api, roster, ENDPOINTS, endpoint, caller, status, code);
    }

    @Test
    void theTableHasOneRowForEveryEndpointAndCaller() {
        PermissionTable.assertCoversEveryCell(ENDPOINTS.keySet(), PermissionMatrixIntegrationTests::everyEndpointForEveryCaller);
    }

    @Test
    void anAdminCannotGrantTheOwnerRole() {
        Roster roster = fixtures.roster();

        Api.Response response = api.patch(member(roster, roster.member()), roster.admin().token(),
                Map.of("role", "owner"));

        assertForbidden(response);
        assertThat(roleOf(roster, roster.member())).isEqualTo("member");
    }

    @Test
    void anAdminCanRemoveAnotherAdmin() {
        Roster roster = fixtures.roster();
        Api.User otherAdmin = fixtures.newMember(roster.org(), roster.owner(), Role.ADMIN);

        assertThat(api.delete(member(roster, otherAdmin), roster.admin().token()).status()).isEqualTo(204);

        assertThat(api.get(org(roster), otherAdmin.token()).code()).isEqualTo("org_not_found");
    }

    @Test
    void anAdminCannotDemoteAnOwnerEvenWhenAnotherOwnerRemains() {
        Roster roster = fixtures.roster();
        fixtures.newMember(roster.org(), roster.owner(), Role.OWNER);

        Api.Response response = api.patch(member(roster, roster.owner()), roster.admin().token(),
                Map.of("role", "member"));

        assertForbidden(response);
        assertThat(roleOf(roster, roster.owner())).isEqualTo("owner");
    }

    @Test
    void anAdminCannotRemoveAnOwnerEvenWhenAnotherOwnerRemains() {
        Roster roster = fixtures.roster();
        fixtures.newMember(roster.org(), roster.owner(), Role.OWNER);

        assertForbidden(api.delete(member(roster, roster.owner()), roster.admin().token()));
        assertThat(roleOf(roster, roster.owner())).isEqualTo("owner");
    }

    @Test
    void aMemberCanLeave() {
        Roster roster = fixtures.roster();

        assertThat(api.delete(member(roster, roster.member()), roster.member().token()).status()).isEqualTo(204);

        assertThat(api.get(org(roster), roster.member().token()).code()).isEqualTo("org_not_found");
        assertThat(roleOf(roster, roster.member())).isNull();
    }

    @Test
    void aMemberCannotRemoveAnotherMember() {
        Roster roster = fixtures.roster();
        Api.User otherMember = fixtures.newMember(roster.org(), roster.owner(), Role.MEMBER);

        assertForbidden(api.delete(member(roster, otherMember), roster.member().token()));
        assertThat(roleOf(roster, otherMember)).isEqualTo("member");
    }

    @Test
    void aRefusedRoleChangeChangesNothing() {
        Roster roster = fixtures.roster();

        assertForbidden(api.patch(member(roster, roster.member()), roster.billingAdmin().token(),
                Map.of("role", "admin")));

        assertThat(roleOf(roster, roster.member())).isEqualTo("member");
    }

    @Test
    void aUserWhoIsNoMemberIsNotFoundInTheMemberPath() {
        Roster roster = fixtures.roster();
        for (UUID stranger : List.of(roster.outsider().id(), UUID.randomUUID())) {
            String path = org(roster) + "/members/" + stranger;

            Api.Response patch = api.patch(path, roster.owner().token(), Map.of("role", "admin"));
            assertThat(patch.status()).as("PATCH %s", stranger).isEqualTo(404);
            assertThat(patch.code()).as("PATCH %s", stranger).isEqualTo("member_not_found");

            Api.Response delete = api.delete(path, roster.owner().token());
            assertThat(delete.status()).as("DELETE %s", stranger).isEqualTo(404);
            assertThat(delete.code()).as("DELETE %s", stranger).isEqualTo("member_not_found");
        }
    }

    @Test
    void unarchivingAnActiveOrgLeavesItActive() {
        Roster roster = fixtures.roster();

        Api.Response response = api.post(org(roster) + "/unarchive", roster.owner().token(), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("status")).isEqualTo("active");
    }

    @Test
    void anOwnerMayLeaveWhenAnotherOwnerRemains() {
        Roster roster = fixtures.roster();
        Api.User secondOwner = fixtures.newMember(roster.org(), roster.owner(), Role.OWNER);

        assertThat(api.delete(member(roster, roster.owner()), roster.owner().token()).status()).isEqualTo(204);

        assertThat(api.get(org(roster), secondOwner.token()).text("myRole")).isEqualTo("owner");
    }

    private static String org(Roster roster) {
        return "/api/v1/orgs/" + roster.org();
    }

    private static String member(Roster roster, Api.User user) {
        return org(roster) + "/members/" + user.id();
    }

    private String roleOf(Roster roster, Api.User user) {
        Api.Response members = api.get(org(roster) + "/members?limit=200", roster.owner().token());
        for (var item : members.body().get("items")) {
            if (item.get("userId").asString().equals(user.id().toString())) {
                return item.get("role").asString();
            }
        }
        return null;
    }

    private static void assertForbidden(Api.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("forbidden");
    }
}
