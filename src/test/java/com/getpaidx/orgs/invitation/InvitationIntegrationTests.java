package com.getpaidx.orgs.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class InvitationIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String invitations(UUID org) {
        return "/api/v1/orgs/" + org + "/invitations";
    }

    private static String newAddress() {
        return "invitee-" + UUID.randomUUID() + "@example.com";
    }

    private Api.Response invite(UUID org, Api.User by, String email, String role) {
        return api.post(invitations(org), by.token(), Map.of("email", email, "role", role));
    }

    private Api.Response accept(String token, Api.User as) {
        return api.post("/api/v1/invitations/accept", as.token(), Map.of("token", token));
    }

    private Api.Response preview(String token, Api.User as) {
        return api.post("/api/v1/invitations/preview", as.token(), Map.of("token", token));
    }

    /** A signed-up account for exactly this address, which it has confirmed. */
    private Api.User accountFor(String email) {
        Api.User user = unverifiedAccountFor(email);
        fixtures.verifyEmail(user);
        return user;
    }

    private Api.User unverifiedAccountFor(String email) {
        api.post("/api/v1/auth/signup", null, Map.of("email", email, "password", Api.PASSWORD, "displayName", "Invitee"));
        String token = api.post("/api/v1/auth/tokens", null, Map.of("email", email, "password", Api.PASSWORD)).text("token");
        return new Api.User(UUID.fromString(api.get("/api/v1/me", token).text("userId")), email, token);
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    @Test
    void anInvitationComesWithItsTokenAndAcceptLinkOnce() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        Api.Response created = invite(roster.org(), roster.admin(), email, "billing_admin");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("email")).isEqualTo(email);
        assertThat(created.text("role")).isEqualTo("billing_admin");
        assertThat(created.text("status")).isEqualTo("pending");
        assertThat(created.text("emailDelivery")).isEqualTo("queued");
        String token = created.text("token");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.text("acceptUrl")).isEqualTo(api.baseUrl() + "/invitations/accept?token=" + token);
        assertThat(Instant.parse(created.text("expiresAt")))
                .isBetween(clock.instant().plus(Duration.ofDays(7)).minusSeconds(60), clock.instant().plus(Duration.ofDays(7)));

        JsonNode listed = api.get(invitations(roster.org()), roster.owner().token()).body().get("items").get(0);
        assertThat(listed.get("id").asString()).isEqualTo(created.text("id"));
        assertThat(listed.has("token")).isFalse();
        assertThat(listed.has("acceptUrl")).isFalse();
        assertThat(listed.get("status").asString()).isEqualTo("pending");
    }

    @Autowired com.getpaidx.orgs.support.TestMailServer mail;

    @Test
    void theInvitationMailSaysWhoInvitesWhereAsWhatWithTheLink() throws Exception {
        Fixtures.Roster roster = fixtures.roster();
        String orgName = api.get("/api/v1/orgs/" + roster.org(), roster.owner().token()).text("name");
        String email = newAddress();
        String acceptUrl = invite(roster.org(), roster.admin(), email, "billing_admin").text("acceptUrl");

        var message = mail.awaitMessagesTo(email, 1).getFirst();
        assertThat(message.getSubject()).contains(orgName);
        var multipart = (jakarta.mail.internet.MimeMultipart) message.getContent();
        String text = null;
        String html = null;
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                text = (String) part.getContent();
            }
            else if (part.isMimeType("text/html")) {
                html = (String) part.getContent();
            }
        }
        assertThat(text).contains(orgName, "Billing admin", acceptUrl);
        assertThat(html).contains("Billing admin", acceptUrl.replace("&", "&amp;"));
        String inviter = api.get("/api/v1/me", roster.admin().token()).text("displayName");
        assertThat(text).contains(inviter);
    }

    @Test
    void onlyTheTokensHashIsStored() {
        Fixtures.Roster roster = fixtures.roster();
        String token = invite(roster.org(), roster.owner(), newAddress(), "member").text("token");
        Long clear = jdbc.sql("SELECT count(*) FROM invitation WHERE encode(token_hash, 'escape') LIKE :t")
                .param("t", "%" + token + "%").query(Long.class).single();
        Long hashed = jdbc.sql("SELECT count(*) FROM invitation WHERE token_hash = sha256(convert_to(:t, 'UTF8'))")
                .param("t", token).query(Long.class).single();
        assertThat(clear).isZero();
        assertThat(hashed).isOne();
    }

    @Test
    void onlyManagersInviteAndOnlyOwnersInviteOwners() {
        Fixtures.Roster roster = fixtures.roster();
        assertThat(invite(roster.org(), roster.owner(), newAddress(), "owner").status()).isEqualTo(201);
        assertProblem(invite(roster.org(), roster.admin(), newAddress(), "owner"), 403, "forbidden");
        assertThat(invite(roster.org(), roster.admin(), newAddress(), "admin").status()).isEqualTo(201);
        assertProblem(invite(roster.org(), roster.billingAdmin(), newAddress(), "member"), 403, "forbidden");
        assertProblem(invite(roster.org(), roster.member(), newAddress(), "member"), 403, "forbidden");
        assertProblem(invite(roster.org(), roster.outsider(), newAddress(), "member"), 404, "org_not_found");
        assertProblem(api.get(invitations(roster.org()), roster.billingAdmin().token()), 403, "forbidden");
        assertProblem(api.get(invitations(roster.org()), roster.member().token()), 403, "forbidden");
    }

    @Test
    void anAdminCannotResendOrRevokeAnOwnersInvitation() {
        Fixtures.Roster roster = fixtures.roster();
        String id = invite(roster.org(), roster.owner(), newAddress(), "owner").text("id");
        assertProblem(api.post(invitations(roster.org()) + "/" + id + "/resend", roster.admin().token(), null), 403, "forbidden");
        assertProblem(api.delete(invitations(roster.org()) + "/" + id, roster.admin().token()), 403, "forbidden");
    }

    @Test
    void badInputIsAValidationError() {
        Fixtures.Roster roster = fixtures.roster();
        assertProblem(invite(roster.org(), roster.owner(), "not an email", "member"), 400, "validation_failed");
        assertProblem(invite(roster.org(), roster.owner(), newAddress(), "king"), 400, "validation_failed");
        assertProblem(api.get(invitations(roster.org()) + "?status=lost", roster.owner().token()), 400, "validation_failed");
    }

    @Test
    void invitingAMemberOrAPendingAddressIsAConflict() {
        Fixtures.Roster roster = fixtures.roster();
        assertProblem(invite(roster.org(), roster.owner(), roster.member().email().toUpperCase(), "member"), 409,
                "already_member");
        String email = newAddress();
        invite(roster.org(), roster.owner(), email, "member");
        assertProblem(invite(roster.org(), roster.admin(), email.toUpperCase(), "admin"), 409, "invitation_pending");
    }

    @Test
    void anExpiredInvitationNoLongerBlocksANewOne() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String first = invite(roster.org(), roster.owner(), email, "member").text("id");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Api.Response second = invite(roster.org(), roster.owner(), email, "member");
        assertThat(second.status()).isEqualTo(201);
        JsonNode expired = api.get(invitations(roster.org()) + "?status=expired", roster.owner().token()).body().get("items");
        assertThat(expired).extracting(i -> i.get("id").asString()).containsExactly(first);
    }

    @Test
    void theInviteeAcceptsAndJoinsInTheInvitedRole() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String token = invite(roster.org(), roster.owner(), email, "billing_admin").text("token");
        Api.User invitee = accountFor(email.toUpperCase());

        Api.Response previewed = preview(token, invitee);
        assertThat(previewed.status()).isEqualTo(200);
        assertThat(previewed.text("orgName")).isEqualTo(api.get("/api/v1/orgs/" + roster.org(), roster.owner().token()).text("name"));
        assertThat(previewed.text("role")).isEqualTo("billing_admin");
        assertThat(previewed.text("invitedBy")).isNotBlank();
        assertThat(previewed.text("status")).isEqualTo("pending");
        assertThat(previewed.text("expiresAt")).isNotBlank();

        Api.Response accepted = accept(token, invitee);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.text("orgId")).isEqualTo(roster.org().toString());
        assertThat(accepted.text("userId")).isEqualTo(invitee.id().toString());
        assertThat(accepted.text("role")).isEqualTo("billing_admin");

        assertThat(api.get("/api/v1/orgs/" + roster.org(), invitee.token()).text("myRole")).isEqualTo("billing_admin");
        assertThat(api.get(invitations(roster.org()) + "?status=accepted", roster.owner().token()).body().get("items")).hasSize(1);
        assertProblem(accept(token, invitee), 409, "invitation_already_used");
        assertThat(preview(token, invitee).text("status")).isEqualTo("accepted");
    }

    @Test
    void anUnconfirmedAddressMayNotJoinUntilItIsConfirmed() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String token = invite(roster.org(), roster.owner(), email, "admin").text("token");
        Api.User invitee = unverifiedAccountFor(email);

        assertProblem(accept(token, invitee), 403, "email_not_verified");
        assertThat(api.get("/api/v1/orgs/" + roster.org(), invitee.token()).status()).isEqualTo(404);
        assertThat(api.get(invitations(roster.org()) + "?status=pending", roster.owner().token()).body().get("items")).hasSize(1);

        fixtures.verifyEmail(invitee);
        assertThat(accept(token, invitee).status()).isEqualTo(200);
    }

    @Test
    void onlyTheInvitedAddressMayAccept() {
        Fixtures.Roster roster = fixtures.roster();
        String token = invite(roster.org(), roster.owner(), newAddress(), "member").text("token");
        assertProblem(accept(token, api.newUser()), 403, "email_mismatch");
        assertThat(api.get(invitations(roster.org()) + "?status=pending", roster.owner().token()).body().get("items")).hasSize(1);
    }

    @Test
    void anUnknownTokenIsNotFound() {
        Api.User user = api.newUser();
        assertProblem(accept("no-such-token", user), 404, "invitation_not_found");
        assertProblem(preview("no-such-token", user), 404, "invitation_not_found");
    }

    @Test
    void aRevokedInvitationCannotBeAccepted() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        Api.Response created = invite(roster.org(), roster.owner(), email, "member");
        assertThat(api.delete(invitations(roster.org()) + "/" + created.text("id"), roster.admin().token()).status()).isEqualTo(204);
        assertThat(api.delete(invitations(roster.org()) + "/" + created.text("id"), roster.admin().token()).status()).isEqualTo(204);
        Api.User invitee = accountFor(email);
        assertProblem(accept(created.text("token"), invitee), 410, "invitation_revoked");
        assertThat(preview(created.text("token"), invitee).text("status")).isEqualTo("revoked");
        assertProblem(api.post(invitations(roster.org()) + "/" + created.text("id") + "/resend", roster.owner().token(), null),
                410, "invitation_revoked");
    }

    @Test
    void anInvitationExpiresAfterSevenDays() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String token = invite(roster.org(), roster.owner(), email, "member").text("token");
        Api.User invitee = accountFor(email);
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertProblem(accept(token, invitee), 410, "invitation_expired");
        assertThat(preview(token, invitee).text("status")).isEqualTo("expired");
        assertThat(api.get(invitations(roster.org()) + "?status=pending", roster.owner().token()).body().get("items")).isEmpty();
    }

    @Test
    void resendIssuesAFreshTokenAndExpiryAndTheOldTokenStopsWorking() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        Api.Response created = invite(roster.org(), roster.owner(), email, "member");
        clock.advance(Duration.ofDays(8)); // even an expired invitation may be resent
        Api.Response resent = api.post(invitations(roster.org()) + "/" + created.text("id") + "/resend", roster.admin().token(), null);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.text("id")).isEqualTo(created.text("id"));
        assertThat(resent.text("status")).isEqualTo("pending");
        assertThat(resent.text("token")).isNotEqualTo(created.text("token"));
        assertThat(resent.text("acceptUrl")).endsWith(resent.text("token"));
        assertThat(Instant.parse(resent.text("expiresAt"))).isAfter(Instant.parse(created.text("expiresAt")));

        Api.User invitee = accountFor(email);
        assertProblem(accept(created.text("token"), invitee), 404, "invitation_not_found");
        assertThat(accept(resent.text("token"), invitee).status()).isEqualTo(200);
        assertProblem(api.post(invitations(roster.org()) + "/" + created.text("id") + "/resend", roster.owner().token(), null),
                409, "invitation_already_used");
        assertProblem(api.delete(invitations(roster.org()) + "/" + created.text("id"), roster.owner().token()), 409,
                "invitation_already_used");
    }

    @Test
    void someoneWhoJoinedMeanwhileGetsAlreadyMember() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String token = invite(roster.org(), roster.owner(), email, "admin").text("token");
        Api.User invitee = accountFor(email);
        fixtures.addMember(roster.org(), roster.owner(), invitee, Role.MEMBER);
        assertProblem(accept(token, invitee), 409, "already_member");
    }

    @Test
    void anArchivedOrgTakesNoInvitations() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String token = invite(roster.org(), roster.owner(), email, "member").text("token");
        api.post("/api/v1/orgs/" + roster.org() + "/archive", roster.owner().token(), null);
        assertProblem(invite(roster.org(), roster.owner(), newAddress(), "member"), 409, "org_archived");
        assertProblem(accept(token, accountFor(email)), 409, "org_archived");
    }

    @Test
    void everyStepIsAudited() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String id = invite(roster.org(), roster.owner(), email, "member").text("id");
        String token = api.post(invitations(roster.org()) + "/" + id + "/resend", roster.owner().token(), null).text("token");
        Api.User invitee = accountFor(email);
        accept(token, invitee);
        String other = invite(roster.org(), roster.owner(), newAddress(), "member").text("id");
        api.delete(invitations(roster.org()) + "/" + other, roster.owner().token());

        List<String> actions = new ArrayList<>();
        api.get("/api/v1/orgs/" + roster.org() + "/audit-events?limit=7", roster.owner().token()).body().get("items")
                .forEach(event -> actions.add(event.get("action").asString()));
        assertThat(actions).startsWith("invitation.revoked", "invitation.created", "invitation.accepted", "member.joined",
                "invitation.resent", "invitation.created");
    }

    @Test
    void fiftyConcurrentAcceptsCreateOneMembership() throws Exception {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String token = invite(roster.org(), roster.owner(), email, "member").text("token");
        Api.User invitee = accountFor(email);

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> attempts = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                attempts.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    }
                    catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return accept(token, invitee);
                }, pool));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (var attempt : attempts) {
                responses.add(attempt.get());
            }
            assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() == 409)
                    .hasSize(49)
                    .allSatisfy(r -> assertThat(r.code()).isEqualTo("invitation_already_used"));
        }
        JsonNode members = api.get("/api/v1/orgs/" + roster.org() + "/members", roster.owner().token()).body().get("items");
        assertThat(members).filteredOn(m -> m.get("userId").asString().equals(invitee.id().toString())).hasSize(1);
        assertThat(members).hasSize(5);
    }
}
