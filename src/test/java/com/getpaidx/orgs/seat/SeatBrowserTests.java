package com.getpaidx.orgs.seat;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

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

/**
 * An owner buys three seats on the sandbox checkout, gives them to three members, takes the subscription
 * down to two in the sandbox's billing portal and back up to three, and watches the newest assignee's
 * seat go and come back.
 */
class SeatBrowserTests extends BrowserTest {


    @Autowired Fixtures fixtures;




    @Test
    void buyThreeSeatsAssignThemShrinkToTwoInThePortalAndGrowBack() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        List<Api.User> members = List.of(fixtures.newMember(org, owner, Role.MEMBER),
                fixtures.newMember(org, owner, Role.MEMBER), fixtures.newMember(org, owner, Role.MEMBER));
        Page page = signedIn(owner);
        page.navigate("/settings/organizations/" + org + "/seats");
        assertThat(page.locator("#seats-paid")).hasText("0");
        assertThat(button(page, "Manage billing")).hasCount(0);

        page.getByLabel("Number of seats").fill("3");
        button(page, "Buy seats").click();
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/checkout/cs_sbx_.+"));
        assertThat(page.locator("#checkout-quantity")).hasText("3");
        assertThat(page.getByText("36.00")).isVisible();
        button(page, "Pay").click();

        assertThat(page).hasURL(Pattern.compile(".*/settings/organizations/" + org + ".*"));
        assertThat(page.locator("#seats-paid")).hasText("3");
        assertThat(page.locator("#seats-status")).hasText("Active");
        assertThat(page.locator("#seats-period-end")).isVisible();
        assertThat(button(page, "Buy seats")).hasCount(0);

        for (Api.User member : members) {
            button(page, "Assign a seat to " + displayName(member)).click();
            assertThat(seatLabel(page, member)).hasText("Active Pro seat");
        }
        assertThat(page.locator("#seats-assigned")).hasText("3");
        assertThat(page.locator("#seats-available")).hasText("0");

        changeQuantityInThePortal(page, 2);

        assertThat(page).hasURL(Pattern.compile(".*/settings/organizations/" + org + ".*"));
        assertThat(seatLabel(page, members.get(2))).hasText("Suspended seat");
        assertThat(seatLabel(page, members.get(0))).hasText("Active Pro seat");
        assertThat(seatLabel(page, members.get(1))).hasText("Active Pro seat");
        assertThat(page.locator("#seats-paid")).hasText("2");
        assertThat(page.locator("#seats-suspended")).hasText("1");

        changeQuantityInThePortal(page, 3);

        assertThat(seatLabel(page, members.get(2))).hasText("Active Pro seat");
        assertThat(page.locator("#seats-paid")).hasText("3");
        assertThat(page.locator("#seats-suspended")).hasText("0");
    }

    @Test
    void aPlainMemberSeesTheSeatsButNoWayToBuyOrAssign() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User member = fixtures.newMember(org, owner, Role.MEMBER);
        new SeatPurchases(api).buy(org, owner, 2);
        new SeatPurchases(api).assign(org, owner, member);

        Page page = signedIn(member);
        page.navigate("/settings/organizations/" + org + "/seats");

        assertThat(page.locator("#seats-paid")).hasText("2");
        assertThat(page.locator("#seats-assigned")).hasText("1");
        page.navigate("/settings/organizations/" + org + "/members");
        assertThat(seatLabel(page, member)).hasText("Active Pro seat");
        page.navigate("/settings/organizations/" + org + "/seats");
        assertThat(button(page, "Buy seats")).hasCount(0);
        assertThat(button(page, "Manage billing")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Assign a seat"))))
                .hasCount(0);
    }

    /** Manage billing → the sandbox portal → a new quantity → back to the org page. */
    private static void changeQuantityInThePortal(Page page, int quantity) {
        button(page, "Manage billing").click();
        assertThat(page).hasURL(Pattern.compile(".*/sandbox/portal/cus_sbx_.+"));
        page.getByLabel("Quantity").fill(String.valueOf(quantity));
        button(page, "Update quantity").click();
        assertThat(page.locator(".subscription-quantity")).hasText(String.valueOf(quantity));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Return to GetPaidX")).click();
    }

    /** The seat label in the member list's row of this member. */
    private static Locator seatLabel(Page page, Api.User member) {
        return page.locator("tr[data-seat-email='" + member.email() + "'] td.seat, "
                + "tr[data-member-email='" + member.email() + "'] td.seat");
    }

    private String displayName(Api.User member) {
        return api.get("/api/v1/me", member.token()).text("displayName");
    }
}
