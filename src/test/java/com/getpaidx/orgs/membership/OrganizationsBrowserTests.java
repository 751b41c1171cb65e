package com.getpaidx.orgs.membership;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.BrowserTest;
import com.getpaidx.orgs.support.Fixtures;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Settings → Organizations in Chromium, driven the way a person would: by labels, roles and visible text. */
class OrganizationsBrowserTests extends BrowserTest {


    @Autowired Fixtures fixtures;

    private Page page;



    @BeforeEach
    void openPage() {
        page = newPage();
    }


    @Test
    void newUserSignsUpCreatesAnOrganizationAndRenamesIt() {
        String tail = UUID.randomUUID().toString().substring(0, 8);
        String name = "Acme " + tail;
        String newName = "Acme Labs " + tail;

        page.navigate("/signup");
        assertEveryInputHasALabel();
        page.getByLabel("Your name").fill("Ada Lovelace");
        page.getByLabel("Email").fill("ada-" + tail + "@example.com");
        page.getByLabel("Password").fill(Api.PASSWORD);
        button("Create account").click();

        assertThat(page).hasURL(api.baseUrl() + "/settings/organizations");
        assertThat(heading(1)).hasText("Organizations");
        assertThat(page.getByText("You are not in any organization yet.")).isVisible();
        assertEveryInputHasALabel();

        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        button("Create organization").click();
        assertThat(heading(1)).hasText(name);
        assertThat(page.locator("#my-role")).hasText("Owner");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All organizations")).click();
        assertThat(heading(1)).hasText("Organizations");
        assertThat(orgRow(name).getByRole(AriaRole.CELL)).hasText(new String[] { name, "Owner", "1" });

        orgLink(name).click();
        assertThat(heading(1)).hasText(name);
        assertEveryInputHasALabel();
        sectionLink("Settings").click();
        Locator settings = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Settings"));
        settings.getByLabel("Organization name").fill(newName);
        settings.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename")).click();
        assertThat(heading(1)).hasText(newName);
        assertThat(page.getByLabel("Organization name")).hasValue(newName);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All organizations")).click();
        assertThat(orgRow(newName).getByRole(AriaRole.CELL)).hasText(new String[] { newName, "Owner", "1" });
        assertThat(orgLink(name)).hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed out.");
        page.navigate(api.baseUrl() + "/settings/organizations");
        assertThat(page).hasURL(api.baseUrl() + "/login");
    }

    @Test
    void plainMemberSeesNoManagementControlsButMayLeave() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        String name = api.get("/api/v1/orgs/" + org, owner.token()).text("name");
        Api.User member = api.newUser("member");
        fixtures.addMember(org, owner, member, Role.MEMBER);

        signIn(member.email(), Api.PASSWORD);
        assertThat(page).hasURL(api.baseUrl() + "/settings/organizations");
        assertThat(orgRow(name).getByRole(AriaRole.CELL)).hasText(new String[] { name, "Member", "2" });

        orgLink(name).click();
        assertThat(heading(1)).hasText(name);
        assertThat(page.locator("#my-role")).hasText("Member");
        assertThat(sectionLink("Settings")).hasCount(0);
        assertThat(sectionLink("Invitations")).hasCount(0);
        assertThat(sectionLink("Audit log")).hasCount(0);
        sectionLink("Members").click();
        assertThat(memberRow(member.email()).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Leave").setExact(true))).isVisible();

        // The page is rendered by now, so counting zero means "not there", not "not there yet".
        assertThat(page.getByRole(AriaRole.COMBOBOX)).hasCount(0);
        assertThat(memberRow(owner.email()).getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(button("Remove")).hasCount(0);
        assertThat(button("Rename")).hasCount(0);
        assertThat(page.getByLabel("Organization name")).hasCount(0);
        assertThat(button("Archive organization")).hasCount(0);
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Settings"))).hasCount(0);
    }

    @Test
    void wrongPasswordShowsTheSameMessageAsTheApi() {
        Api.User user = api.newUser("login");

        signIn(user.email(), "not-the-password");

        assertThat(page).hasURL(Pattern.compile("/login\\?error$"));
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The email or password is not correct.");
        assertThat(page.getByLabel("Email")).isVisible();
        assertEveryInputHasALabel();
    }

    private void signIn(String email, String password) {
        signIn(page, email, password);
    }

    /** DESIGN §5: a label on every input. Call once the page has rendered. */
    private void assertEveryInputHasALabel() {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) page.locator("input:not([type=hidden]), select, textarea")
                .evaluateAll("""
                        fields => fields
                            .filter(f => f.labels.length === 0
                                && !f.hasAttribute('aria-label') && !f.hasAttribute('aria-labelledby'))
                            .map(f => f.outerHTML)""");
        Assertions.assertThat(unlabelled).as("inputs without a label on %s", page.url()).isEmpty();
    }

    private Locator heading(int level) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(level));
    }

    private Locator button(String name) {
        return button(page, name);
    }

    private Locator orgLink(String name) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator sectionLink(String name) {
        return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Organization sections"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    private Locator orgRow(String name) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(orgLink(name)));
    }

    private Locator memberRow(String email) {
        return page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(email));
    }
}
