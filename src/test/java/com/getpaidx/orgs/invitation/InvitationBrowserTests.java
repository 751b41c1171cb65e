package com.getpaidx.orgs.invitation;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.BrowserTest;
import com.getpaidx.orgs.support.Fixtures;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** An owner invites by email, the invitee signs up through the link and joins; in two browser contexts. */
class InvitationBrowserTests extends BrowserTest {

    @Autowired Fixtures fixtures;

    @Test
    void anInviteeSignsUpThroughTheLinkAndJoinsAsBillingAdmin() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        String orgName = api.get("/api/v1/orgs/" + org, owner.token()).text("name");
        String invitee = "invitee-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        Page ownerPage = signedIn(owner);
        ownerPage.navigate("/settings/organizations/" + org + "/invitations");
        ownerPage.getByLabel("Email").fill(invitee);
        ownerPage.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("billing_admin");
        button(ownerPage, "Send invitation").click();

        assertThat(ownerPage.locator("#issued-invitation")).containsText(invitee);
        String acceptUrl = ownerPage.getByLabel("Accept link").inputValue();
        button(ownerPage, "Copy").click();
        assertThat(button(ownerPage, "Copied")).isVisible();
        assertThat((String) ownerPage.evaluate("navigator.clipboard.readText()")).isEqualTo(acceptUrl);
        assertThat(ownerPage.locator("tr[data-invitation-email='" + invitee + "']")).containsText("Billing admin");

        Page inviteePage = newPage();
        URI link = URI.create(acceptUrl);
        inviteePage.navigate(link.getRawPath() + "?" + link.getRawQuery());
        assertThat(inviteePage).hasURL(api.baseUrl() + "/login");
        inviteePage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create one")).click();
        inviteePage.getByLabel("Your name").fill("Ivy Invitee");
        inviteePage.getByLabel("Email").fill(invitee);
        inviteePage.getByLabel("Password").fill(Api.PASSWORD);
        button(inviteePage, "Create account").click();

        assertThat(inviteePage.locator("#invitation-org")).hasText(orgName);
        assertThat(inviteePage.locator("#invitation-role")).hasText("Billing admin");
        assertThat(inviteePage.locator("#email-not-verified")).containsText(invitee);
        assertThat(button(inviteePage, "Accept invitation")).hasCount(0);

        URI confirmLink = URI.create(fixtures.verificationLink(invitee, 1));
        inviteePage.navigate(confirmLink.getRawPath() + "?" + confirmLink.getRawQuery());
        button(inviteePage, "Confirm email address").click();
        assertThat(inviteePage.locator("#email-status")).hasText("Confirmed");

        inviteePage.navigate(link.getRawPath() + "?" + link.getRawQuery());
        button(inviteePage, "Accept invitation").click();
        assertThat(inviteePage.locator("#my-role")).hasText("Billing admin");

        ownerPage.navigate("/settings/organizations/" + org + "/members");
        var row = ownerPage.locator("tr[data-member-email='" + invitee + "']");
        assertThat(row).containsText("Ivy Invitee");
        assertThat(row.locator("select")).hasValue("billing_admin");
        assertThat(ownerPage.locator("#member-count")).hasText("2");
        ownerPage.navigate("/settings/organizations/" + org + "/invitations");
        assertThat(ownerPage.getByText("No pending invitations.")).isVisible();
    }

    @Test
    void aSignedInUserWithAnotherAddressIsToldSoInWords() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        String token = api.post("/api/v1/orgs/" + org + "/invitations", owner.token(),
                java.util.Map.of("email", "someone-else-" + UUID.randomUUID() + "@example.com", "role", "member")).text("token");
        Api.User stranger = api.newUser("stranger");

        Page page = signedIn(stranger);
        page.navigate("/invitations/accept?token=" + token);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("your account's address is " + stranger.email());
        assertThat(button(page, "Accept invitation")).hasCount(0);
    }

}
