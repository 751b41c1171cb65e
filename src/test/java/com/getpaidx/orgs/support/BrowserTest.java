package com.getpaidx.orgs.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * What every browser test shares: one Chromium per test class, fresh contexts (people) per test, and
 * the few gestures every page needs.
 */
@IntegrationTest
public abstract class BrowserTest {

    protected static Browser browser;

    @Autowired protected Api api;

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

    /** A page in a new context: another person, with no cookies. */
    protected Page newPage() {
        return browser.newPage(api.baseUrl());
    }

    /** A new person's page, signed in as {@code user} and landed on their organizations. */
    protected Page signedIn(Api.User user) {
        Page page = newPage();
        signIn(page, user.email(), Api.PASSWORD);
        assertThat(page).hasURL(api.baseUrl() + "/settings/organizations");
        return page;
    }

    protected static void signIn(Page page, String email, String password) {
        page.navigate("/login");
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        button(page, "Sign in").click();
    }

    protected static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }
}
