package com.getpaidx.orgs.account;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.BrowserTest;
import com.getpaidx.orgs.support.Fixtures;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The account page: confirming the address through the mailed link, and asking for a new one. */
class AccountBrowserTests extends BrowserTest {

    @Autowired Fixtures fixtures;

    private static Response confirming(Page page) {
        return page.waitForResponse(r -> r.url().endsWith("/settings/account/verify") && "POST".equals(r.request().method()),
                () -> button(page, "Confirm email address").click());
    }

    @Test
    void aNewLinkFromTheAccountPageConfirmsTheAddressAndTheOldOneIsRefusedWithTheFormReShown() {
        Api.User user = api.newUser("page");
        String first = fixtures.verificationLink(user.email(), 1);
        Page page = signedIn(user);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Account")).click();
        assertThat(page.locator("#email-status")).hasText("Not confirmed yet");
        button(page, "Send a new confirmation link").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("We sent a new confirmation link to " + user.email());

        URI stale = URI.create(first);
        page.navigate(stale.getRawPath() + "?" + stale.getRawQuery());
        Response refused = confirming(page);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not valid");
        assertThat(button(page, "Send a new confirmation link")).isVisible();

        URI fresh = URI.create(fixtures.verificationLink(user.email(), 2));
        page.navigate(fresh.getRawPath() + "?" + fresh.getRawQuery());
        confirming(page);
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your email address is confirmed.");
        assertThat(page.locator("#email-status")).hasText("Confirmed");
        assertThat(button(page, "Send a new confirmation link")).hasCount(0);
    }

    @Test
    void aConfirmationPageWithoutATokenAnswers400AndShowsTheReason() {
        Page page = signedIn(api.newUser("page"));
        page.navigate("/settings/account/verify");
        assertThat(confirming(page).status()).isEqualTo(400);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("not valid");
    }
}
