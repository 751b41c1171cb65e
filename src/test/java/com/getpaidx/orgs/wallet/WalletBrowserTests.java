package com.getpaidx.orgs.wallet;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.BrowserTest;
import com.getpaidx.orgs.support.Fixtures;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A billing admin buys credits, pays on the sandbox's hosted checkout, and comes back to the new balance. */
class WalletBrowserTests extends BrowserTest {


    @Autowired Fixtures fixtures;




    @Test
    void aBillingAdminBuysStarterAndSeesTheCreditsArrive() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User billingAdmin = fixtures.newMember(org, owner, Role.BILLING_ADMIN);

        Page page = signedIn(billingAdmin);
        page.navigate("/settings/organizations/" + org + "/wallet");
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

        Page page = signedIn(member);
        page.navigate("/settings/organizations/" + org + "/wallet");
        assertThat(page.locator("#wallet-balance")).hasText("0");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy Starter package"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Transactions"))).hasCount(0);
    }

}
