package com.getpaidx.orgs.seat;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checkout and portal return URLs are GETs anyone can be sent to with any {@code session_id}: they only
 * read and reconcile the caller's own org, ignore a session that is not its checkout, and audit only change.
 */
@IntegrationTest
class CheckoutReturnIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    private SeatPurchases purchases() {
        return new SeatPurchases(api);
    }

    /** A seat checkout paid at the sandbox whose webhook is held back: only a return can tell the service. */
    private String paidQuietly(Fixtures.Roster roster, int quantity) {
        String session = SeatPurchases.sessionOf(purchases().checkout(roster.org(), roster.owner(), quantity));
        completeQuietly(session);
        return session;
    }

    private void completeQuietly(String session) {
        assertThat(api.post("/sandbox/api/checkout-sessions/" + session + "/complete?deliverEvent=false", null, null)
                .status()).isEqualTo(200);
    }

    private record TopUp(String id, String session) {
    }

    private TopUp topUpPaidQuietly(Fixtures.Roster roster) {
        Api.Response started = api.post("/api/v1/orgs/" + roster.org() + "/wallet/topups", roster.owner().token(),
                Map.of("packageId", "starter"));
        String path = URI.create(started.text("checkoutUrl")).getPath();
        TopUp topUp = new TopUp(started.text("id"), path.substring(path.lastIndexOf('/') + 1));
        completeQuietly(topUp.session());
        return topUp;
    }

    private String topUpStatus(Fixtures.Roster roster) {
        return api.get("/api/v1/orgs/" + roster.org() + "/wallet/topups", roster.owner().token()).body().get("items")
                .get(0).get("status").asString();
    }

    private static String seatReturn(UUID org, String session) {
        return "/settings/organizations/" + org + "/seats/checkout/return?session_id=" + session;
    }

    private long audits(UUID org) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE org_id = :org").param("org", org)
                .query(Long.class).single();
    }

    private static void assertBackToTheOrgPage(PageSession.Page response, UUID org) {
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .endsWith("/settings/organizations/" + org + "/seats");
    }

    /** A page refusal: the problem's status (403 or 404) with its sentence on an error page, nothing else shown. */
    private static void assertRefused(PageSession.Page response) {
        assertThat(response.status()).isIn(403, 404);
        assertThat(response.alert()).as("the problem is shown").isPresent();
    }

    @Test
    void anotherOrgsSeatSessionOnTheReturnUrlChangesNothing() {
        Fixtures.Roster victim = fixtures.roster();
        Fixtures.Roster stranger = fixtures.roster();
        String session = paidQuietly(victim, 2);
        long victimAudits = audits(victim.org());

        assertBackToTheOrgPage(PageSession.signedIn(api, stranger.owner()).get(seatReturn(stranger.org(), session)),
                stranger.org());

        assertThat(purchases().seats(victim.org(), victim.owner()).get("subscription").isNull()).isTrue();
        assertThat(purchases().seats(stranger.org(), stranger.owner()).get("subscription").isNull()).isTrue();
        assertThat(audits(victim.org())).isEqualTo(victimAudits);
        assertThat(jdbc.sql("SELECT count(*) FROM payment_event WHERE event_id = :id").param("id", "confirm:" + session)
                .query(Long.class).single()).isZero();

        assertBackToTheOrgPage(PageSession.signedIn(api, victim.owner()).get(seatReturn(victim.org(), session)),
                victim.org());
        assertThat(purchases().seats(victim.org(), victim.owner()).get("paid").asInt()).isEqualTo(2);
    }

    @Test
    void anotherOrgsTopUpSessionOnTheSeatReturnUrlGrantsNothing() {
        Fixtures.Roster victim = fixtures.roster();
        Fixtures.Roster stranger = fixtures.roster();
        TopUp topUp = topUpPaidQuietly(victim);

        PageSession.signedIn(api, stranger.owner()).get(seatReturn(stranger.org(), topUp.session()));

        assertThat(topUpStatus(victim)).isEqualTo("pending");
        PageSession.Page own = PageSession.signedIn(api, victim.owner())
                .get("/settings/organizations/" + victim.org() + "/wallet/topups/" + topUp.id() + "/return");
        assertThat(own.status()).isEqualTo(302);
        assertThat(topUpStatus(victim)).isEqualTo("paid");
    }

    @Test
    void anotherOrgsTopUpOnTheWalletReturnUrlIsRefusedAndStaysPending() {
        Fixtures.Roster victim = fixtures.roster();
        Fixtures.Roster stranger = fixtures.roster();
        TopUp topUp = topUpPaidQuietly(victim);
        PageSession strangerPages = PageSession.signedIn(api, stranger.owner());

        assertRefused(strangerPages.get("/settings/organizations/" + stranger.org() + "/wallet/topups/" + topUp.id()
                + "/return"));
        assertRefused(strangerPages.get("/settings/organizations/" + victim.org() + "/wallet/topups/" + topUp.id()
                + "/return"));
        assertRefused(PageSession.signedIn(api, victim.member()).get("/settings/organizations/" + victim.org()
                + "/wallet/topups/" + topUp.id() + "/return"));

        assertThat(topUpStatus(victim)).isEqualTo("pending");
    }

    @Test
    void aMemberWithoutBillingRightsCannotConfirmTheOrgsOwnCheckout() {
        Fixtures.Roster roster = fixtures.roster();
        String session = paidQuietly(roster, 1);

        assertRefused(PageSession.signedIn(api, roster.member()).get(seatReturn(roster.org(), session)));

        assertThat(purchases().seats(roster.org(), roster.owner()).get("subscription").isNull()).isTrue();
    }

    @Test
    void thePortalReturnReconcilesAndAuditsOnlyWhatChanged() {
        Fixtures.Roster roster = fixtures.roster();
        String subscription = purchases().buy(roster.org(), roster.owner(), 2);
        PageSession owner = PageSession.signedIn(api, roster.owner());
        String portalReturn = "/settings/organizations/" + roster.org() + "/seats/portal/return";
        long before = audits(roster.org());

        assertBackToTheOrgPage(owner.get(portalReturn), roster.org());
        assertThat(audits(roster.org())).as("nothing changed, nothing audited").isEqualTo(before);

        purchases().changeQuietly(subscription, Map.of("quantity", 3));
        assertRefused(PageSession.signedIn(api, roster.member()).get(portalReturn));
        assertThat(purchases().seats(roster.org(), roster.owner()).get("paid").asInt()).isEqualTo(2);

        owner.get(portalReturn);
        assertThat(purchases().seats(roster.org(), roster.owner()).get("paid").asInt()).isEqualTo(3);
        assertThat(audits(roster.org())).isEqualTo(before + 1);
        owner.get(portalReturn);
        assertThat(audits(roster.org())).isEqualTo(before + 1);
    }
}
