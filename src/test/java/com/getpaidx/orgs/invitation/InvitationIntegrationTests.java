package com.getpaidx.orgs.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;

import static com.getpaidx.orgs.invitation.InvitationTraffic.assertProblem;
import static com.getpaidx.orgs.invitation.InvitationTraffic.invitations;
import static com.getpaidx.orgs.invitation.InvitationTraffic.newAddress;
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

    private InvitationTraffic traffic;

    @BeforeEach
    void traffic() {
        traffic = new InvitationTraffic(api, fixtures);
    }

    @Test
    void anInvitationComesWithItsTokenAndAcceptLinkOnce() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        Api.Response created = traffic.invite(roster.org(), roster.admin(), email, "billing_admin");

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
        String acceptUrl = traffic.invite(roster.org(), roster.admin(), email, "billing_admin").text("acceptUrl");

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
        String token = traffic.invite(roster.org(), roster.owner(), newAddress(), "member").text("token");
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
        assertThat(traffic.invite(roster.org(), roster.owner(), newAddress(), "owner").status()).isEqualTo(201);
        assertProblem(traffic.invite(roster.org(), roster.admin(), newAddress(), "owner"), 403, "forbidden");
        assertThat(traffic.invite(roster.org(), roster.admin(), newAddress(), "admin").status()).isEqualTo(201);
        assertProblem(traffic.invite(roster.org(), roster.billingAdmin(), newAddress(), "member"), 403, "forbidden");
        assertProblem(traffic.invite(roster.org(), roster.member(), newAddress(), "member"), 403, "forbidden");
        assertProblem(traffic.invite(roster.org(), roster.outsider(), newAddress(), "member"), 404, "org_not_found");
        assertProblem(api.get(invitations(roster.org()), roster.billingAdmin().token()), 403, "forbidden");
        assertProblem(api.get(invitations(roster.org()), roster.member().token()), 403, "forbidden");
    }

    @Test
    void anAdminCannotResendOrRevokeAnOwnersInvitation() {
        Fixtures.Roster roster = fixtures.roster();
        String id = traffic.invite(roster.org(), roster.owner(), newAddress(), "owner").text("id");
        assertProblem(api.post(invitations(roster.org()) + "/" + id + "/resend", roster.admin().token(), null), 403, "forbidden");
        assertProblem(api.delete(invitations(roster.org()) + "/" + id, roster.admin().token()), 403, "forbidden");
    }

    @Test
    void badInputIsAValidationError() {
        Fixtures.Roster roster = fixtures.roster();
        assertProblem(traffic.invite(roster.org(), roster.owner(), "not an email", "member"), 400, "validation_failed");
        assertProblem(traffic.invite(roster.org(), roster.owner(), newAddress(), "king"), 400, "validation_failed");
        assertProblem(api.get(invitations(roster.org()) + "?status=lost", roster.owner().token()), 400, "validation_failed");
    }

    @Test
    void invitingAMemberOrAPendingAddressIsAConflict() {
        Fixtures.Roster roster = fixtures.roster();
        assertProblem(traffic.invite(roster.org(), roster.owner(), roster.member().email().toUpperCase(), "member"), 409,
                "already_member");
        String email = newAddress();
        traffic.invite(roster.org(), roster.owner(), email, "member");
        assertProblem(traffic.invite(roster.org(), roster.admin(), email.toUpperCase(), "admin"), 409, "invitation_pending");
    }

    @Test
    void anExpiredInvitationNoLongerBlocksANewOne() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String first = traffic.invite(roster.org(), roster.owner(), email, "member").text("id");
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Api.Response second = traffic.invite(roster.org(), roster.owner(), email, "member");
        assertThat(second.status()).isEqualTo(201);
        JsonNode expired = api.get(invitations(roster.org()) + "?status=expired", roster.owner().token()).body().get("items");
        assertThat(expired).extracting(i -> i.get("id").asString()).containsExactly(first);
    }

    @Test
    void anArchivedOrgTakesNoInvitations() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String token = traffic.invite(roster.org(), roster.owner(), email, "member").text("token");
        api.post("/api/v1/orgs/" + roster.org() + "/archive", roster.owner().token(), null);
        assertProblem(traffic.invite(roster.org(), roster.owner(), newAddress(), "member"), 409, "org_archived");
        assertProblem(traffic.accept(token, traffic.accountFor(email)), 409, "org_archived");
    }

    @Test
    void everyStepIsAudited() {
        Fixtures.Roster roster = fixtures.roster();
        String email = newAddress();
        String id = traffic.invite(roster.org(), roster.owner(), email, "member").text("id");
        String token = api.post(invitations(roster.org()) + "/" + id + "/resend", roster.owner().token(), null).text("token");
        Api.User invitee = traffic.accountFor(email);
        traffic.accept(token, invitee);
        String other = traffic.invite(roster.org(), roster.owner(), newAddress(), "member").text("id");
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
        String token = traffic.invite(roster.org(), roster.owner(), email, "member").text("token");
        Api.User invitee = traffic.accountFor(email);

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
                    return traffic.accept(token, invitee);
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
