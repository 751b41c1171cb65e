package com.getpaidx.orgs.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Accessibility;
import com.getpaidx.orgs.support.BrowserTest;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every section of the organization page in Chromium: axe-core finds nothing serious, nothing scrolls sideways on
 * a phone, htmx swaps sections with the address following, and every link works without JavaScript. The
 * screenshots of each section, at desktop and phone size, land in target/screenshots/.
 */
class OrganizationSectionsBrowserTests extends BrowserTest {

    @Autowired Fixtures fixtures;
    @Autowired Funding funding;

    @Test
    void everySectionIsAccessibleAndFitsADesktopAndAPhone() {
        OrgPageSetup.Org org = OrgPageSetup.busy(api, fixtures, funding);
        List<String> sections = new ArrayList<>(List.of("overview"));
        sections.addAll(OrgPageSetup.SECTIONS);
        for (var size : List.of(new int[] { 1280, 900 }, new int[] { 390, 844 })) {
            String device = size[0] > 600 ? "desktop" : "phone";
            Page page = browser.newPage(api.baseUrl(), options -> options.setViewportSize(size[0], size[1]));
            signIn(page, org.roster().owner().email(), com.getpaidx.orgs.support.Api.PASSWORD);
            for (String section : sections) {
                page.navigate(org.path(section));
                assertThat(page.locator(".section-body")).hasAttribute("data-section", section);
                String what = section + " at " + size[0] + "×" + size[1];
                Accessibility.assertAccessible(page, what);
                Accessibility.assertNoSidewaysScroll(page, what);
                Accessibility.screenshot(page, "org-" + section + "-" + device);
            }
        }
    }

    @Test
    void htmxSwapsTheSectionAndTheAddressFollows() {
        OrgPageSetup.Org org = OrgPageSetup.busy(api, fixtures, funding);
        Page page = signedIn(org.roster().owner());
        page.navigate(org.path("overview"));
        page.evaluate("() => { window.stillTheSamePage = true; }");

        sectionLink(page, "Wallet").click();
        assertThat(page).hasURL(api.baseUrl() + org.path("wallet"));
        assertThat(page.locator("#wallet-balance")).hasText("483.75");
        assertThat(page.locator("#wallet-runway")).containsText("about 208 days at the last 7 days' average spend");
        assertThat(sectionLink(page, "Wallet")).hasAttribute("aria-current", "page");
        sectionLink(page, "Usage").click();
        assertThat(page).hasURL(api.baseUrl() + org.path("usage"));
        assertThat(page.locator("#usage-chart rect.bar")).hasCount(30);
        assertThat(page.locator("#usage-chart-total")).hasText("16.25");
        assertThat((Boolean) page.evaluate("() => window.stillTheSamePage === true")).as("no full reload").isTrue();

        Locator time = page.locator("#usage tr[data-event-id] time.when").first();
        assertThat(time).hasAttribute("data-local", "");
        assertThat(time).hasAttribute("title", Pattern.compile(".* UTC$"));
        assertThat(time).not().containsText("UTC");

        page.goBack();
        assertThat(page).hasURL(api.baseUrl() + org.path("wallet"));
        assertThat(page.locator("#wallet-balance")).isVisible();
    }

    @Test
    void everyLinkWorksWithoutJavaScript() {
        OrgPageSetup.Org org = OrgPageSetup.busy(api, fixtures, funding);
        Page page = browser.newPage(api.baseUrl(), options -> options.setJavaScriptEnabled(false));
        signIn(page, org.roster().owner().email(), com.getpaidx.orgs.support.Api.PASSWORD);
        page.navigate(org.path("overview"));
        for (String label : List.of("Members", "Invitations", "Wallet", "Usage", "Seats", "Audit log", "Settings",
                "Overview")) {
            sectionLink(page, label).click();
            assertThat(sectionLink(page, label)).hasAttribute("aria-current", "page");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(2)).first())
                    .containsText(label.equals("Seats") ? "Pro seats" : label);
        }
        sectionLink(page, "Audit log").click();
        assertThat(page.locator("#audit time.when").first()).containsText("UTC");
    }

    static Locator sectionLink(Page page, String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Organization sections"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }
}
