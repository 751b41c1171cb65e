package com.getpaidx.orgs.membership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.PageSession;
import com.getpaidx.orgs.support.PermissionTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization page's sections, each at its own address: who sees which (listed in the navigation and
 * answered 200), who gets 403 (a member without the role) or 404 (not a member), and the overview.
 */
@IntegrationTest
class OrganizationSectionsIntegrationTests {

    private static final Pattern NAV = Pattern.compile("<a href=\"[^\"]*\" id=\"nav-([a-z]+)\"");

    /** Section → the roles that see it (owner, admin, billing_admin, member). */
    private static final Map<String, List<String>> SEEN_BY = new LinkedHashMap<>();

    static {
        List<String> everyone = List.of("owner", "admin", "billing_admin", "member");
        SEEN_BY.put("overview", everyone);
        SEEN_BY.put("members", everyone);
        SEEN_BY.put("invitations", List.of("owner", "admin"));
        SEEN_BY.put("wallet", everyone);
        SEEN_BY.put("usage", everyone);
        SEEN_BY.put("seats", everyone);
        SEEN_BY.put("audit", List.of("owner", "admin", "billing_admin"));
        SEEN_BY.put("settings", List.of("owner", "admin"));
    }

    private static Fixtures.Roster roster;
    private static final Map<String, PageSession> sessions = new LinkedHashMap<>();

    @BeforeAll
    static void signIn(@Autowired Fixtures fixtures, @Autowired Api api) {
        roster = fixtures.roster();
        for (String caller : PermissionTable.CALLERS) {
            Api.User user = roster.as(caller);
            sessions.put(caller, user == null ? PageSession.anonymous(api, "/login") : PageSession.signedIn(api, user));
        }
    }

    @Test
    void eachSectionAnswersByRoleAndTheNavigationListsWhatTheRoleSees() {
        List<String> cells = new ArrayList<>();
        for (var section : SEEN_BY.entrySet()) {
            String path = "/settings/organizations/" + roster.org() + ("overview".equals(section.getKey()) ? "" : "/" + section.getKey());
            for (String caller : PermissionTable.CALLERS) {
                PageSession.Page page = sessions.get(caller).get(path);
                int expected = switch (caller) {
                    case "anonymous" -> 302;
                    case "non_member" -> 404;
                    default -> section.getValue().contains(caller) ? 200 : 403;
                };
                assertThat(page.status()).as("%s by %s", section.getKey(), caller).isEqualTo(expected);
                if (expected == 403 || expected == 404) {
                    assertThat(page.alert().orElseThrow().code()).isEqualTo(expected == 403 ? "forbidden" : "org_not_found");
                }
                cells.add(section.getKey() + " by " + caller);
            }
        }
        assertThat(cells).hasSize(SEEN_BY.size() * PermissionTable.CALLERS.size());

        for (String role : List.of("owner", "admin", "billing_admin", "member")) {
            String overview = sessions.get(role).page("/settings/organizations/" + roster.org());
            List<String> listed = new ArrayList<>();
            Matcher link = NAV.matcher(overview);
            while (link.find()) {
                listed.add(link.group(1));
            }
            assertThat(listed).as("the navigation of " + role).containsExactlyElementsOf(SEEN_BY.entrySet().stream()
                    .filter(e -> e.getValue().contains(role)).map(Map.Entry::getKey).toList());
        }
    }

    @Test
    void anUnknownSectionIsNotFound() {
        assertThat(sessions.get("owner").get("/settings/organizations/" + roster.org() + "/billing").status()).isEqualTo(404);
        assertThat(sessions.get("owner").get("/settings/organizations/" + UUID.randomUUID() + "/wallet").status())
                .isEqualTo(404);
    }

    @Test
    void theOverviewShowsRoleBalanceSeatsAndTheNextStepsOfANewOrg(@Autowired Api api) {
        Api.User owner = api.newUser("overview");
        UUID org = api.newOrg(owner);

        String overview = PageSession.signedIn(api, owner).page("/settings/organizations/" + org);

        assertThat(overview).contains("id=\"my-role\">Owner<").contains("id=\"overview-balance\">0<")
                .contains("id=\"overview-month-to-date\">0<").contains("id=\"overview-seats-paid\">0<")
                .contains("id=\"overview-seats-assigned\">0<")
                .contains("invite your team").contains("top up the wallet").contains("buy Pro seats")
                .contains("bill a workspace to this organization")
                .contains("aria-current=\"page\"");
        String member = PageSession.signedIn(api, roster.member()).page("/settings/organizations/" + roster.org());
        assertThat(member).doesNotContain("invite your team").doesNotContain("top up the wallet");
    }

    @Test
    void filtersOfASectionThatDoNotParseAreIgnoredNotAnError() {
        String base = "/settings/organizations/" + roster.org();
        for (String query : List.of("/audit?actor=nobody&from=yesterday&cursor=%25%25", "/usage?member=x&to=2026-13-45&cursor=zz",
                "/wallet?cursor=nope", "/members?membersAfter=garbage")) {
            assertThat(sessions.get("owner").get(base + query).status()).as(query).isIn(200, 400);
        }
    }
}
