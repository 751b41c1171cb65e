package com.getpaidx.orgs.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.StandardWebhooks;
import com.getpaidx.orgs.support.TestEventReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Outgoing events reach a real HTTP receiver signed as Standard Webhooks says (checked by the test's own
 * implementation of the spec), at least once: retried with the same webhook-id, dead after the retry window (a few
 * seconds in the test profile), and sent again by hand. A change that rolls back sends nothing.
 */
@IntegrationTest
class EventDeliveryIntegrationTests {

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired TestEventReceiver receiver;
    @Autowired MembershipManagement memberships;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    private String failing;

    @AfterEach
    void answerOkAgain() {
        if (failing != null) {
            receiver.answerOk(failing);
        }
    }

    @Test
    void aNewOrgsOwnerArrivesAsASignedMemberAddedEvent() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);

        JsonNode event = receiver.awaitEvent(org.toString(), "member.added");

        assertThat(event.path("timestamp").asString()).isNotBlank();
        assertThat(event.path("data").path("orgId").asString()).isEqualTo(org.toString());
        assertThat(event.path("data").path("userId").asString()).isEqualTo(owner.id().toString());
        assertThat(event.path("data").path("role").asString()).isEqualTo("owner");
        LoggedRequest request = receiver.received(org.toString()).getFirst();
        assertThat(request.getHeader("webhook-id")).startsWith("msg_");
        assertThat(request.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void aSignatureMadeWithAnotherKeyDoesNotVerify() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        receiver.awaitEvent(org.toString(), "member.added");

        LoggedRequest request = receiver.received(org.toString()).getFirst();
        assertThatThrownBy(() -> StandardWebhooks.verified(request,
                "whsec_" + java.util.Base64.getEncoder().encodeToString("another-key-of-enough-bytes".getBytes())))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameWebhookIdUntilItIsAnswered() {
        Api.User owner = api.newUser("owner");
        failing = owner.id().toString();
        receiver.answer(failing, 500);
        UUID org = api.newOrg(owner);

        List<LoggedRequest> attempts = receiver.awaitReceived(org.toString(), 2);
        receiver.answerOk(failing);

        JsonNode delivered = await().atMost(Duration.ofSeconds(15)).until(() -> delivery(org, "member.added"),
                row -> row != null && row.path("status").asString().equals("delivered"));
        List<LoggedRequest> all = receiver.received(org.toString());
        assertThat(all).extracting(request -> request.getHeader("webhook-id")).containsOnly(
                attempts.getFirst().getHeader("webhook-id"));
        assertThat(all).extracting(LoggedRequest::getBodyAsString).containsOnly(attempts.getFirst().getBodyAsString());
        all.forEach(request -> StandardWebhooks.verified(request, TestEventReceiver.SECRET));
        assertThat(delivered.path("attempts").asInt()).isEqualTo(all.size()).isGreaterThanOrEqualTo(3);
        assertThat(delivered.path("lastResponseCode").asInt()).isEqualTo(200);
        assertThat(delivered.path("webhookId").asString()).isEqualTo(attempts.getFirst().getHeader("webhook-id"));
    }

    @Test
    void aDeliveryThatKeepsFailingEndsDeadAndIsSentAgainByHand() {
        Api.User owner = api.newUser("owner");
        failing = owner.id().toString();
        receiver.answer(failing, 503);
        UUID org = api.newOrg(owner);

        JsonNode dead = await().atMost(Duration.ofSeconds(20)).until(() -> delivery(org, "member.added"),
                row -> row != null && row.path("status").asString().equals("dead"));
        assertThat(dead.path("lastResponseCode").asInt()).isEqualTo(503);
        assertThat(dead.path("attempts").asInt()).isGreaterThan(2);
        assertThat(dead.path("nextAttemptAt").isNull() || dead.path("nextAttemptAt").isMissingNode()).isTrue();
        int attemptsBefore = receiver.received(org.toString()).size();
        String id = dead.path("id").asString();

        receiver.answerOk(failing);
        Api.Response retried = api.post("/api/v1/event-deliveries/" + id + "/retry", api.serviceToken(), null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.body().path("status").asString()).isEqualTo("pending");

        await().atMost(Duration.ofSeconds(15)).until(() -> delivery(org, "member.added").path("status").asString(),
                "delivered"::equals);
        List<LoggedRequest> all = receiver.received(org.toString());
        assertThat(all).hasSize(attemptsBefore + 1);
        assertThat(all).extracting(request -> request.getHeader("webhook-id")).containsOnly(dead.path("webhookId").asString());
        assertThat(api.post("/api/v1/event-deliveries/" + id + "/retry", api.serviceToken(), null).code())
                .isEqualTo("delivery_not_dead");
    }

    /** The answer's head decides; a body that never ends must not hold the sender (it sends every endpoint's events). */
    @Test
    void aTwoHundredWithAnEndlessBodyIsDeliveredAtOnce() {
        Api.User owner = api.newUser("owner");
        failing = owner.id().toString();
        receiver.answerWithSlowBody(failing, Duration.ofSeconds(60));
        UUID org = api.newOrg(owner);

        await().atMost(Duration.ofSeconds(6)).until(() -> delivery(org, "member.added"),
                row -> row != null && row.path("status").asString().equals("delivered"));
        UUID next = api.newOrg(api.newUser("next"));
        assertThat(receiver.awaitEvent(next.toString(), "member.added")).as("the next event is not held up").isNotNull();
    }

    @Test
    void aTwoHundredAfterTheTimeoutIsNoDelivery() {
        Api.User owner = api.newUser("owner");
        failing = owner.id().toString();
        receiver.answerSlowly(failing, 200, Duration.ofSeconds(3));
        UUID org = api.newOrg(owner);

        JsonNode dead = await().atMost(Duration.ofSeconds(20)).until(() -> delivery(org, "member.added"),
                row -> row != null && row.path("status").asString().equals("dead"));
        assertThat(dead.path("lastError").asString()).contains("Timeout");
        assertThat(receiver.received(org.toString())).hasSizeGreaterThanOrEqualTo(2)
                .extracting(request -> request.getHeader("webhook-id")).containsOnly(dead.path("webhookId").asString());
    }

    @Test
    void retryingAnUnknownDeliveryIsNotFound() {
        Api.Response response = api.post("/api/v1/event-deliveries/" + UUID.randomUUID() + "/retry", api.serviceToken(),
                null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.code()).isEqualTo("delivery_not_found");
    }

    @Test
    void onlyTheServiceTokenSeesDeliveries() {
        Api.User user = api.newUser();
        assertThat(api.get("/api/v1/event-deliveries", user.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/event-deliveries", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/event-deliveries?status=lost", api.serviceToken()).code())
                .isEqualTo("validation_failed");
    }

    @Test
    void aChangeThatRollsBackWritesNoEvent() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User member = fixtures.newMember(org, owner, Role.MEMBER);

        transactions.executeWithoutResult(tx -> {
            memberships.changeRole(new OrgId(org), new UserId(owner.id()), new UserId(member.id()), Role.ADMIN);
            assertThat(rows(org, "member.role_changed")).as("written in the changing transaction").isEqualTo(1);
            tx.setRollbackOnly();
        });

        assertThat(rows(org, "member.role_changed")).isZero();
    }

    private long rows(UUID org, String type) {
        return jdbc.sql("SELECT count(*) FROM event_delivery WHERE org_id = :org AND type = :type")
                .param("org", org).param("type", type).query(Long.class).single();
    }

    /** The org's one delivery of {@code type} as the API lists it (the list is newest first, across orgs). */
    private JsonNode delivery(UUID org, String type) {
        UUID id = jdbc.sql("SELECT id FROM event_delivery WHERE org_id = :org AND type = :type")
                .param("org", org).param("type", type).query(UUID.class).optional().orElse(null);
        if (id == null) {
            return null;
        }
        String cursor = null;
        do {
            Api.Response page = api.get("/api/v1/event-deliveries?type=" + type + "&limit=200"
                    + (cursor == null ? "" : "&cursor=" + cursor), api.serviceToken());
            for (JsonNode row : page.body().path("items")) {
                if (row.path("id").asString().equals(id.toString())) {
                    return row;
                }
            }
            cursor = page.body().path("nextCursor").isNull() ? null : page.body().path("nextCursor").asString();
        }
        while (cursor != null);
        return null;
    }
}
