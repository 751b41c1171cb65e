package com.getpaidx.orgs.usage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.BrowserTest;
import com.getpaidx.orgs.support.Fixtures;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member points a workspace at their org on Settings → Workspaces, the runtime reports usage, and
 * the owner reads it on the organization page; billing managers edit the spend policy there.
 */
class UsageBrowserTests extends BrowserTest {


    @Autowired Fixtures fixtures;




    @Test
    void aMemberBillsTheirWorkspaceToTheOrgAndTheOwnerSeesTheUsage() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        fund(org, owner);
        Api.User member = fixtures.newMember(org, owner, Role.MEMBER);
        UUID managersOnly = api.newOrg(owner);
        fixtures.addMember(managersOnly, owner, member, Role.MEMBER);
        assertThat(api.put(policy(managersOnly), owner.token(), """
                {"spenders":"managers","selectedUserIds":[],"memberMonthlyLimit":null,"paused":false,"lowBalanceThreshold":null}""")
                .status()).isEqualTo(200);
        String orgName = api.get("/api/v1/orgs/" + org, owner.token()).text("name");
        String workspace = "ws-" + UUID.randomUUID();

        Page memberPage = signedIn(member);
        memberPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Workspaces").setExact(true)).click();
        assertThat(memberPage).hasURL(api.baseUrl() + "/settings/workspaces");
        memberPage.getByLabel("Workspace id").fill(workspace);
        memberPage.getByLabel("Workspace name").fill("Notebook");
        button(memberPage, "Register workspace").click();

        Locator row = memberPage.locator("tr[data-workspace-id='" + workspace + "']");
        assertThat(row.locator(".billed-to")).hasText("Personal");
        Locator billTo = row.getByLabel("Bill workspace to");
        assertThat(billTo.locator("option")).hasCount(2);
        assertThat(billTo.locator("option[value='personal']")).hasCount(1);
        assertThat(billTo.locator("option[value='" + org + "']")).hasCount(1);
        assertThat(billTo.locator("option[value='" + managersOnly + "']")).hasCount(0);
        assertThat(memberPage.locator(".unavailable-targets li[data-org-id='" + managersOnly + "']"))
                .containsText("the spend policy does not include you");

        billTo.selectOption(org.toString());
        button(memberPage, "Save billing of Notebook").click();
        assertThat(row.locator(".billed-to")).hasText(orgName);
        Api.Response billing = api.get("/api/v1/workspaces/" + workspace + "/billing", member.token());
        assertThat(billing.text("target")).isEqualTo("org");
        assertThat(billing.text("orgId")).isEqualTo(org.toString());

        String eventId = "evt-" + UUID.randomUUID();
        Api.Response reported = api.post("/api/v1/usage-events", api.serviceToken(), Map.of("eventId", eventId,
                "workspaceId", workspace, "userId", member.id().toString(), "credits", "12.5", "kind", "chat",
                "model", "gpt-x", "occurredAt", Instant.now().toString()));
        assertThat(reported.status()).isEqualTo(201);
        assertThat(reported.text("balanceAfter")).isEqualTo("987.5");

        Page ownerPage = signedIn(owner);
        ownerPage.navigate("/settings/organizations/" + org + "/wallet");
        assertThat(ownerPage.locator("#wallet-balance")).hasText("987.5");
        ownerPage.navigate("/settings/organizations/" + org + "/usage");
        Locator event = ownerPage.locator("#usage tr[data-event-id='" + eventId + "']");
        assertThat(event.locator(".usage-credits")).hasText("12.5");
        assertThat(event.locator(".usage-workspace")).hasText(workspace);
        assertThat(event).containsText("Notebook");
        assertThat(event).containsText("chat");
        assertThat(event).containsText("gpt-x");
    }

    @Test
    void aBillingManagerSavesTheSpendPolicyAndIsToldWhatIsWrong() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User billingAdmin = fixtures.newMember(org, owner, Role.BILLING_ADMIN);
        Api.User member = fixtures.newMember(org, owner, Role.MEMBER);

        Page page = signedIn(billingAdmin);
        page.navigate("/settings/organizations/" + org + "/usage");
        page.getByLabel("Who may bill workspaces to the organization").selectOption("selected");
        page.getByLabel(member.email()).check();
        page.getByLabel("Monthly limit per member").fill("250.5");
        page.getByLabel("Tell billing managers when the balance falls below").fill("100");
        page.getByLabel("Pause org-billed usage").check();
        button(page, "Save spend policy").click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Spend policy saved.");
        assertThat(page.getByLabel("Monthly limit per member")).hasValue("250.5");
        assertThat(page.getByLabel(member.email())).isChecked();
        assertThat(page.getByLabel("Pause org-billed usage")).isChecked();
        Api.Response saved = api.get(policy(org), owner.token());
        assertThat(saved.text("spenders")).isEqualTo("selected");
        assertThat(saved.body().get("selectedUserIds").toString()).isEqualTo("[\"" + member.id() + "\"]");
        assertThat(saved.text("memberMonthlyLimit")).isEqualTo("250.5");
        assertThat(saved.text("lowBalanceThreshold")).isEqualTo("100");
        assertThat(saved.body().get("paused").asBoolean()).isTrue();

        page.getByLabel("Monthly limit per member").fill("1.1234567");
        page.getByLabel("Pause org-billed usage").uncheck();
        button(page, "Save spend policy").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("memberMonthlyLimit must be a decimal string");
        assertThat(page.getByRole(AriaRole.ALERT)).hasAttribute("data-code", "validation_failed");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/settings/organizations/" + org + "/usage"));
        assertThat(api.get(policy(org), owner.token()).body().get("paused").asBoolean()).isTrue();

        page.getByLabel("Monthly limit per member").fill("");
        page.getByLabel("Pause org-billed usage").uncheck();
        button(page, "Save spend policy").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Spend policy saved.");
        assertThat(page.getByLabel("Pause org-billed usage")).not().isChecked();
        Api.Response cleared = api.get(policy(org), owner.token());
        assertThat(cleared.body().get("memberMonthlyLimit").isNull()).isTrue();
        assertThat(cleared.body().get("paused").asBoolean()).isFalse();
    }

    @Test
    void aMemberSeesOnlyTheirOwnUsageAndNoPolicyForm() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        fund(org, owner);
        Api.User ada = fixtures.newMember(org, owner, Role.MEMBER);
        Api.User bob = fixtures.newMember(org, owner, Role.MEMBER);
        String adaEvent = billedUsage(org, ada, "3");
        String bobEvent = billedUsage(org, bob, "4");

        Page page = signedIn(ada);
        page.navigate("/settings/organizations/" + org + "/usage");
        assertThat(page.locator("#usage tr[data-event-id='" + adaEvent + "']")).hasCount(1);
        assertThat(page.locator("#usage tr[data-event-id='" + bobEvent + "']")).hasCount(0);
        assertThat(page.locator("#usage")).containsText("All members");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save spend policy"))).hasCount(0);

        Page ownerPage = signedIn(owner);
        ownerPage.navigate("/settings/organizations/" + org + "/usage");
        assertThat(ownerPage.locator("#usage tr[data-event-id]")).hasCount(2);
    }

    @Test
    void registeringAnotherUsersWorkspaceIdIsRefused() {
        Api.User owner = api.newUser("owner");
        Api.User other = api.newUser("other");
        String workspace = "ws-" + UUID.randomUUID();
        assertThat(api.put("/api/v1/workspaces/" + workspace, api.serviceToken(),
                Map.of("ownerUserId", owner.id().toString(), "name", "Owner's")).status()).isEqualTo(201);

        Page page = signedIn(other);
        page.navigate("/settings/workspaces");
        page.getByLabel("Workspace id").fill(workspace);
        page.getByLabel("Workspace name").fill("Mine now");
        button(page, "Register workspace").click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText("Another user's workspace already has this id.");
        assertThat(page.locator("tr[data-workspace-id]")).hasCount(0);
        assertThat(api.get("/api/v1/workspaces/" + workspace + "/billing", owner.token()).status()).isEqualTo(200);
    }

    /** Buys "starter" and pays it on the sandbox: 1000 credits. */
    private void fund(UUID org, Api.User billingManager) {
        Api.Response topUp = api.post("/api/v1/orgs/" + org + "/wallet/topups", billingManager.token(),
                Map.of("packageId", "starter"));
        assertThat(topUp.status()).isEqualTo(201);
        String path = URI.create(topUp.text("checkoutUrl")).getPath();
        String session = path.substring(path.lastIndexOf('/') + 1);
        assertThat(api.post("/sandbox/api/checkout-sessions/" + session + "/complete", null, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/orgs/" + org + "/wallet", billingManager.token()).text("balance")).isEqualTo("1000");
    }

    /** A workspace of {@code user}, registered by the app and billed to {@code org}, with one usage event. */
    private String billedUsage(UUID org, Api.User user, String credits) {
        String workspace = "ws-" + UUID.randomUUID();
        api.put("/api/v1/workspaces/" + workspace, api.serviceToken(), Map.of("ownerUserId", user.id().toString(), "name", "W"));
        assertThat(api.put("/api/v1/workspaces/" + workspace + "/billing", user.token(),
                Map.of("target", "org", "orgId", org.toString())).status()).isEqualTo(200);
        String eventId = "evt-" + UUID.randomUUID();
        assertThat(api.post("/api/v1/usage-events", api.serviceToken(), Map.of("eventId", eventId, "workspaceId", workspace,
                "userId", user.id().toString(), "credits", credits, "kind", "chat", "model", "gpt-x",
                "occurredAt", Instant.now().toString())).status()).isEqualTo(201);
        return eventId;
    }

    private static String policy(UUID org) {
        return "/api/v1/orgs/" + org + "/spend-policy";
    }

}
