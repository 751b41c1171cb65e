package com.getpaidx.orgs.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IdentityProvider;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;

import static com.getpaidx.orgs.invitation.InvitationTraffic.assertProblem;
import static com.getpaidx.orgs.invitation.InvitationTraffic.invitations;
import static com.getpaidx.orgs.invitation.InvitationTraffic.newAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accepting an invitation: who may, when, and what it makes. */
@IntegrationTest
class InvitationAcceptIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired InvitationManagement management;
    @Autowired IdentityProvider identityProvider;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private InvitationTraffic traffic;

    @BeforeEach
    void traffic() {
        traffic = new InvitationTraffic(api, fixtures);
    }

    @Test
    void theInviteeAcceptsAndJoinsInTheInvitedRole() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String token = traffic.invite(roster.org(), roster.owner(), email, "billing_admin").text("token");
        Api.User invitee = traffic.accountFor(email.toUpperCase());

        Api.Response previewed = traffic.preview(token, invitee);
        assertThat(previewed.status()).isEqualTo(200);
        assertThat(previewed.text("orgName")).isEqualTo(api.get("/api/v1/orgs/" + roster.org(), roster.owner().token()).text("name"));
        assertThat(previewed.text("role")).isEqualTo("billing_admin");
        assertThat(previewed.text("invitedBy")).isNotBlank();
        assertThat(previewed.text("status")).isEqualTo("pending");
        assertThat(previewed.text("expiresAt")).isNotBlank();

        Api.Response accepted = traffic.accept(token, invitee);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("orgId")).isEqualTo(roster.org().toString());
        assertThat(accepted.text("userId")).isEqualTo(invitee.id().toString());
        assertThat(accepted.text("role")).isEqualTo("billing_admin");

        assertThat(api.get("/api/v1/orgs/" + roster.org(), invitee.token()).text("myRole")).isEqualTo("billing_admin");
        assertThat(api.get(invitations(roster.org()) + "?status=accepted", roster.owner().token()).body().get("items")).hasSize(1);
        assertProblem(traffic.accept(token, invitee), 409, "invitation_already_used");
        assertThat(traffic.preview(token, invitee).text("status")).isEqualTo("accepted");
    }

    @Test
    void anUnconfirmedAddressMayNotJoinUntilItIsConfirmed() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String token = traffic.invite(roster.org(), roster.owner(), email, "admin").text("token");
        Api.User invitee = traffic.unverifiedAccountFor(email);

        assertProblem(traffic.accept(token, invitee), 403, "email_not_verified");
        assertThat(api.get("/api/v1/orgs/" + roster.org(), invitee.token()).status()).isEqualTo(404);
        assertThat(api.get(invitations(roster.org()) + "?status=pending", roster.owner().token()).body().get("items")).hasSize(1);

        fixtures.verifyEmail(invitee);
        assertThat(traffic.accept(token, invitee).status()).isEqualTo(200);
    }

    @Test
    void onlyTheInvitedAddressMayAccept() {
        Fixtures.Roster roster = fixtures.roster();
        String token = traffic.invite(roster.org(), roster.owner(), newAddress(), "member").text("token");
        assertProblem(traffic.accept(token, api.newUser()), 403, "email_mismatch");
        assertThat(api.get(invitations(roster.org()) + "?status=pending", roster.owner().token()).body().get("items")).hasSize(1);
    }

    /**
     * A session (a page's) carries the address of its sign-in; the app may change the address since. The accept
     * compares the account's address now: the old one's invitation is refused, the new one's accepted.
     */
    @Test
    void theAccountsCurrentAddressDecidesNotTheOneItsSignInCarried() {
        Fixtures.Roster roster = fixtures.roster();
        String subject = "app-user-" + UUID.randomUUID();
        String before = newAddress();
        String after = newAddress();
        Api.Response me = api.get("/api/v1/me", appToken(subject, before));
        String oldToken = traffic.invite(roster.org(), roster.owner(), before, "member").text("token");
        String newToken = traffic.invite(roster.org(), roster.owner(), after, "member").text("token");
        assertThat(api.get("/api/v1/me", appToken(subject, after)).text("email")).isEqualTo(after);

        CurrentUser staleSession = new CurrentUser(new UserId(UUID.fromString(me.text("userId"))), before, "Ada");
        assertThatThrownBy(() -> management.accept(oldToken, staleSession)).isInstanceOfSatisfying(
                DomainException.class, refused -> assertThat(refused.code()).isEqualTo("email_mismatch"));
        assertThat(management.accept(newToken, staleSession).role()).isEqualTo(Role.MEMBER);
    }

    private String appToken(String subject, String email) {
        return identityProvider.tokens().subject(subject).email(email, true).at(clock.instant()).sign();
    }

    @Test
    void anUnknownTokenIsNotFound() {
        Api.User user = api.newUser();
        assertProblem(traffic.accept("no-such-token", user), 404, "invitation_not_found");
        assertProblem(traffic.preview("no-such-token", user), 404, "invitation_not_found");
    }

    @Test
    void aRevokedInvitationCannotBeAccepted() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        Api.Response created = traffic.invite(roster.org(), roster.owner(), email, "member");
        assertThat(api.delete(invitations(roster.org()) + "/" + created.text("id"), roster.admin().token()).status()).isEqualTo(204);
        assertThat(api.delete(invitations(roster.org()) + "/" + created.text("id"), roster.admin().token()).status()).isEqualTo(204);
        Api.User invitee = traffic.accountFor(email);
        assertProblem(traffic.accept(created.text("token"), invitee), 410, "invitation_revoked");
        assertThat(traffic.preview(created.text("token"), invitee).text("status")).isEqualTo("revoked");
        assertProblem(api.post(invitations(roster.org()) + "/" + created.text("id") + "/resend", roster.owner().token(), null),
                410, "invitation_revoked");
    }

    @Test
    void anInvitationExpiresAfterSevenDays() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String token = traffic.invite(roster.org(), roster.owner(), email, "member").text("token");
        Api.User invitee = traffic.accountFor(email);
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertProblem(traffic.accept(token, invitee), 410, "invitation_expired");
        assertThat(traffic.preview(token, invitee).text("status")).isEqualTo("expired");
        assertThat(api.get(invitations(roster.org()) + "?status=pending", roster.owner().token()).body().get("items")).isEmpty();
    }

    @Test
    void resendIssuesAFreshTokenAndExpiryAndTheOldTokenStopsWorking() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        Api.Response created = traffic.invite(roster.org(), roster.owner(), email, "member");
        clock.advance(Duration.ofDays(8)); // even an expired invitation may be resent
        Api.Response resent = api.post(invitations(roster.org()) + "/" + created.text("id") + "/resend", roster.admin().token(), null);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.text("id")).isEqualTo(created.text("id"));
        assertThat(resent.text("status")).isEqualTo("pending");
        assertThat(resent.text("token")).isNotEqualTo(created.text("token"));
        assertThat(resent.text("acceptUrl")).endsWith(resent.text("token"));
        assertThat(Instant.parse(resent.text("expiresAt"))).isAfter(Instant.parse(created.text("expiresAt")));

        Api.User invitee = traffic.accountFor(email);
        assertProblem(traffic.accept(created.text("token"), invitee), 404, "invitation_not_found");
        assertThat(traffic.accept(resent.text("token"), invitee).status()).isEqualTo(200);
        assertProblem(api.post(invitations(roster.org()) + "/" + created.text("id") + "/resend", roster.owner().token(), null),
                409, "invitation_already_used");
        assertProblem(api.delete(invitations(roster.org()) + "/" + created.text("id"), roster.owner().token()), 409,
                "invitation_already_used");
    }

    @Test
    void someoneWhoJoinedMeanwhileGetsAlreadyMember() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String token = traffic.invite(roster.org(), roster.owner(), email, "admin").text("token");
        Api.User invitee = traffic.accountFor(email);
        fixtures.addMember(roster.org(), roster.owner(), invitee, Role.MEMBER);
        assertProblem(traffic.accept(token, invitee), 409, "already_member");
    }
}
