package com.getpaidx.orgs.account;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.BrowserTest;
import com.getpaidx.orgs.support.IdentityProvider;
import com.getpaidx.orgs.support.MutableClock;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Sign in with GetPaidX": through the app's own sign-in form (Spring Authorization Server, support/IdentityProvider)
 * and back, as the same user the app's JWTs reach on the API.
 */
class AppSignInBrowserTests extends BrowserTest {

    @Autowired IdentityProvider identityProvider;
    @Autowired MutableClock clock;

    private static String uniqueEmail() {
        return "oidc-" + UUID.randomUUID() + "@example.com";
    }

    private void signInAtTheApp(Page page, IdentityProvider.Person person) {
        page.navigate("/login");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with GetPaidX")).click();
        assertThat(page).hasURL(identityProvider.issuer() + "/login");
        page.locator("#username").fill(person.subject());
        page.locator("#password").fill(person.password());
        button(page, "Sign in").click();
    }

    @Test
    void signingInWithGetPaidXReachesTheUserTheAppsTokensReach() {
        IdentityProvider.Person person = identityProvider.newPerson(uniqueEmail(), true, "Grace Hopper");
        String jwt = identityProvider.tokens().subject(person.subject()).email(person.email(), true)
                .name(person.name()).at(clock.instant()).sign();
        assertThat(api.post("/api/v1/orgs", jwt, Map.of("name", "Hopper Labs")).status()).isEqualTo(201);

        Page page = newPage();
        signInAtTheApp(page, person);
        assertThat(page).hasURL(api.baseUrl() + "/settings/organizations");
        assertThat(page.getByText("Hopper Labs")).isVisible();
    }

    @Test
    void theFirstSignInWithGetPaidXProvisionsTheUserAndASecondFindsIt() {
        IdentityProvider.Person person = identityProvider.newPerson(uniqueEmail(), true, "Katherine Johnson");
        Page page = newPage();
        signInAtTheApp(page, person);
        assertThat(page).hasURL(api.baseUrl() + "/settings/organizations");
        page.navigate("/settings/account");
        assertThat(page.locator("#account-email")).hasText(person.email());
        assertThat(page.locator("#email-status")).hasText("Confirmed");

        Page again = newPage();
        signInAtTheApp(again, person);
        again.navigate("/settings/account");
        assertThat(again.locator("#account-email")).hasText(person.email());
        String jwt = identityProvider.tokens().subject(person.subject()).email(person.email(), true)
                .at(clock.instant()).sign();
        assertThat(api.get("/api/v1/me", jwt).text("email")).isEqualTo(person.email());
    }

    @Test
    void anAddressOfAnAccountHereIsNotTakenOverAndTheSignInPageSaysWhy() {
        Api.User local = api.newUser("local");
        IdentityProvider.Person person = identityProvider.newPerson(local.email(), false, "Mallory");
        Page page = newPage();
        signInAtTheApp(page, person);
        assertThat(page).hasURL(api.baseUrl() + "/login?error");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("already belongs to an account here");
        page.navigate("/settings/organizations");
        assertThat(page).hasURL(api.baseUrl() + "/login");
    }
}
