package com.getpaidx.orgs.membership;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.BrowserTest;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import static com.getpaidx.orgs.support.Accessibility.tabTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** One flow of each section of the organization page, done with the keyboard alone (Tab, typing, Space, Enter). */
class OrganizationKeyboardBrowserTests extends BrowserTest {

    @Autowired Fixtures fixtures;
    @Autowired Funding funding;

    private OrgPageSetup.Org org;
    private Page page;

    @BeforeEach
    void openTheOrg() {
        org = OrgPageSetup.busy(api, fixtures, funding);
        page = signedIn(org.roster().owner());
    }

    @Test
    void membersRemoveAMember() {
        page.navigate(org.path("members"));
        Locator row = page.locator("tr[data-member-email='" + org.roster().member().email() + "']");
        tabTo(page, row.locator("button.danger"));
        page.keyboard().press("Enter");
        assertThat(row).hasCount(0);
    }

    @Test
    void invitationsInviteSomeone() {
        page.navigate(org.path("invitations"));
        String email = "keyboard-" + UUID.randomUUID() + "@example.com";
        tabTo(page, page.locator("#invite-email"));
        page.keyboard().type(email);
        page.keyboard().press("Enter");
        assertThat(page.locator("#issued-invitation")).containsText(email);
    }

    @Test
    void walletStartsBuyingCredits() {
        page.navigate(org.path("wallet"));
        tabTo(page, button(page, "Buy Starter package"));
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/checkout/.+"));
    }

    @Test
    void usageFiltersByWorkspace() {
        page.navigate(org.path("usage"));
        tabTo(page, page.locator("#usage-workspace"));
        page.keyboard().type("no-such-workspace");
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/usage\\?.*workspace=no-such-workspace.*"));
        assertThat(page.getByText("No usage yet.")).isVisible();
    }

    @Test
    void seatsTryToAssignSeveralAndSeeEachOutcome() {
        page.navigate(org.path("seats"));
        Locator pick = page.locator("tr[data-seat-email='" + org.roster().member().email() + "'] input[type=checkbox]");
        tabTo(page, pick);
        page.keyboard().press("Space");
        assertThat(pick).isChecked();
        tabTo(page, button(page, "Assign seats to selected"));
        page.keyboard().press("Enter");
        assertThat(page.locator("#seat-results li[data-result-user='" + org.roster().member().id() + "']"))
                .containsText("Every paid seat is assigned");
    }

    @Test
    void auditFiltersByAction() {
        page.navigate(org.path("audit"));
        tabTo(page, page.locator("#audit-action"));
        page.keyboard().type("organization.renamed");
        page.keyboard().press("Enter");
        assertThat(page.locator("tr[data-audit-action]")).hasCount(1);
        assertThat(page.locator("tr[data-audit-action='organization.renamed']")).containsText("Busy Org");
    }

    @Test
    void settingsRenameTheOrganization() {
        page.navigate(org.path("settings"));
        tabTo(page, page.locator("#rename"));
        page.keyboard().press("ControlOrMeta+A");
        page.keyboard().type("Renamed by keyboard");
        page.keyboard().press("Enter");
        assertThat(page.locator("#org-title")).hasText("Renamed by keyboard");
    }
}
