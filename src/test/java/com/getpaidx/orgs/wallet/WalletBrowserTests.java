package com.getpaidx.orgs.wallet;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Browser;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A billing admin buys credits, pays on the sandbox's hosted checkout, and comes back to the new balance. */
@IntegrationTest
class WalletBrowserTests {

    private static Browser browser;

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @BeforeAll
    static void launchBrowser() {
        browser = Browser.launch();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void closeContexts() {
        browser.closeContext();
    }

    @Test
    void aBillingAdminBuysStarterAndSeesTheCreditsArrive() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User billingAdmin = fixtures.newMember(org, owner, Role.BILLING_ADMIN);

        Page page = browser.newPage(api.baseUrl());
        page.navigate("/login");
        page.getByLabel("Email").fill(billingAdmin.email());
        page.getByLabel("Password").fill(Api.PASSWORD);
        button(page, "Sign in").click();
        page.navigate("/settings/organizations/" + org);
        assertThat(page.locator("#wallet-balance")).hasText("0");

        button(page, "Buy Starter package").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/sandbox/checkout/.+"));
        assertThat(page.getByText("10.00")).isVisible();
        button(page, "Pay").click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/settings/organizations/" + org + ".*"));
        assertThat(page.locator("#wallet-balance")).hasText("1000");
        assertThat(page.locator("tr[data-entry-type='topup']")).hasCount(1);
        assertThat(page.locator("tr[data-entry-type='topup']")).containsText("1000");
        assertThat(page.locator(".topup-status").first()).hasText("paid");
    }

    @Test
    void aPlainMemberSeesTheBalanceButNoWayToBuy() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User member = fixtures.newMember(org, owner, Role.MEMBER);

        Page page = browser.newPage(api.baseUrl());
        page.navigate("/login");
        page.getByLabel("Email").fill(member.email());
        page.getByLabel("Password").fill(Api.PASSWORD);
        button(page, "Sign in").click();
        page.navigate("/settings/organizations/" + org);
        assertThat(page.locator("#wallet-balance")).hasText("0");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy Starter package"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Transactions"))).hasCount(0);
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
