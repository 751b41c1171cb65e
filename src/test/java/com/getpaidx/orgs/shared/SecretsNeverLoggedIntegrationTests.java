package com.getpaidx.orgs.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.core.env.Environment;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.AppTokens;
import com.getpaidx.orgs.support.IdentityProvider;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.Funding;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.MutableClock;
import com.getpaidx.orgs.support.PageSession;
import com.getpaidx.orgs.support.SignedWebhooks;
import com.getpaidx.orgs.support.StripeEvents;
import com.getpaidx.orgs.support.StripeSignatures;
import com.getpaidx.orgs.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every log line written while people sign up, sign in (also wrongly), confirm their address, create tokens,
 * sign in with the GetPaidX app's JWTs (also forged ones), invite and accept, pay through the sandbox and signed webhooks, and report usage with the service token,
 * at DEBUG for the service, Spring Security and Spring MVC: none holds a password, a token, a link's secret,
 * the webhook secret or a signature, nor the database's password, in its message, MDC or exception.
 */
@IntegrationTest
class SecretsNeverLoggedIntegrationTests {

    private static final Pattern INVITATION_TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
    private static final List<String> VERBOSE = List.of("com.getpaidx", "org.springframework.security", "org.springframework.web");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired Funding funding;
    @Autowired TestMailServer mail;
    @Autowired Environment environment;
    @Autowired MutableClock clock;
    @Autowired JdbcConnectionDetails database;
    @Autowired IdentityProvider identityProvider;

    /** Keeps every event, from any thread (the outbox sender and the scheduler log too). */
    static final class Capture extends AppenderBase<ILoggingEvent> {
        final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    }

    @Test
    void noSecretReachesALogLine() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("test users' password", Api.PASSWORD);
        secrets.put("service token", api.serviceToken());
        secrets.put("webhook secret", environment.getRequiredProperty("getpaidx.stripe.webhook-secret"));
        secrets.put("database password", database.getPassword());
        secrets.put("OIDC client secret", environment.getRequiredProperty("getpaidx.auth.oidc.client-secret"));
        Capture capture = capturing();
        try {
            flows(secrets);
        }
        finally {
            release(capture);
        }

        assertThat(capture.events).as("the flows were logged").hasSizeGreaterThan(20);
        List<String> leaks = new ArrayList<>();
        for (ILoggingEvent event : capture.events) {
            String line = text(event);
            secrets.forEach((what, secret) -> {
                if (line.contains(secret)) {
                    leaks.add(what + " in " + event.getLoggerName() + ": " + line);
                }
            });
        }
        assertThat(leaks).isEmpty();
    }

    private void flows(Map<String, String> secrets) {
        String ownPassword = "own-password-" + UUID.randomUUID();
        String email = "secretive-" + UUID.randomUUID() + "@example.com";
        secrets.put("a chosen password", ownPassword);
        assertThat(api.post("/api/v1/auth/signup", null, Map.of("email", email, "password", ownPassword, "displayName", "S"))
                .status()).isEqualTo(201);
        String wrong = "wrong-password-" + UUID.randomUUID();
        secrets.put("a wrong password", wrong);
        assertThat(api.post("/api/v1/auth/tokens", null, Map.of("email", email, "password", wrong)).status()).isEqualTo(401);
        String ownToken = api.post("/api/v1/auth/tokens", null, Map.of("email", email, "password", ownPassword)).text("token");
        secrets.put("an API token", ownToken);

        String appJwt = identityProvider.tokens().email("app-" + UUID.randomUUID() + "@example.com", false)
                .at(clock.instant()).sign();
        secrets.put("a JWT of the GetPaidX app", appJwt);
        assertThat(api.get("/api/v1/me", appJwt).status()).isEqualTo(200);
        String forgedJwt = identityProvider.tokens().signedBy(AppTokens.Key.STRANGER_RSA).at(clock.instant()).sign();
        secrets.put("a forged JWT", forgedJwt);
        assertThat(api.get("/api/v1/me", forgedJwt).status()).isEqualTo(401);

        Fixtures.Roster roster = fixtures.roster();
        secrets.put("the owner's API token", roster.owner().token());
        secrets.put("a confirmation token", fixtures.verificationToken(roster.owner().email(), 1));
        PageSession.signedIn(api, roster.owner()).page("/settings/organizations/" + roster.org());

        String invitee = "invitee-" + UUID.randomUUID() + "@example.com";
        String acceptUrl = api.post("/api/v1/orgs/" + roster.org() + "/invitations", roster.owner().token(),
                Map.of("email", invitee, "role", Role.MEMBER.name().toLowerCase())).text("acceptUrl");
        Matcher token = INVITATION_TOKEN.matcher(acceptUrl);
        assertThat(token.find()).isTrue();
        secrets.put("an invitation token", token.group(1));
        mail.awaitMessagesTo(invitee, 1);
        api.post("/api/v1/auth/signup", null, Map.of("email", invitee, "password", Api.PASSWORD, "displayName", "I"));
        String inviteeToken = api.post("/api/v1/auth/tokens", null, Map.of("email", invitee, "password", Api.PASSWORD)).text("token");
        secrets.put("the invitee's API token", inviteeToken);
        Api.User invited = new Api.User(UUID.fromString(api.get("/api/v1/me", inviteeToken).text("userId")), invitee, inviteeToken);
        fixtures.verifyEmail(invited);
        assertThat(api.post("/api/v1/invitations/accept", inviteeToken, Map.of("token", token.group(1))).status()).isEqualTo(200);

        funding.fund(roster.org(), roster.owner(), Credits.ofWhole(100));
        SignedWebhooks webhooks = new SignedWebhooks(api, environment, clock);
        String payload = StripeEvents.event(SignedWebhooks.eventId(), "customer.created", StripeEvents.SDK_API_VERSION,
                "{\"id\":\"cus_test_secretive\",\"object\":\"customer\"}");
        String signature = StripeSignatures.sign(payload, secrets.get("webhook secret"), clock.instant());
        secrets.put("a webhook signature", signature.substring(signature.indexOf("v1=") + 3));
        assertThat(webhooks.deliver(payload).status()).isEqualTo(200);
        Api.Response forged = api.exchange(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + "/webhooks/stripe"))
                .header("Content-Type", "application/json").header("Stripe-Signature", signature)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(payload.replace("cus_test_secretive", "cus_test_forged"))).build());
        assertThat(forged.status()).as("a signature that does not match").isBetween(400, 499);

        String workspace = "ws-" + UUID.randomUUID();
        api.put("/api/v1/workspaces/" + workspace, api.serviceToken(), Map.of("ownerUserId", roster.member().id().toString(), "name", "W"));
        api.put("/api/v1/workspaces/" + workspace + "/billing", roster.member().token(), Map.of("target", "org", "orgId", roster.org().toString()));
        Map<String, Object> event = new java.util.HashMap<>(Map.of("eventId", "evt-" + UUID.randomUUID(), "workspaceId", workspace,
                "userId", roster.member().id().toString(), "credits", "1", "kind", "chat", "model", "m", "occurredAt", "2026-11-26T10:00:00Z"));
        assertThat(api.post("/api/v1/usage-events", api.serviceToken(), event).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/usage-events", "not-" + api.serviceToken(), event).status()).isEqualTo(401);
    }

    private static String text(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap());
        for (IThrowableProxy failure = event.getThrowableProxy(); failure != null; failure = failure.getCause()) {
            line.append(' ').append(failure.getClassName()).append(": ").append(failure.getMessage());
        }
        return line.toString();
    }

    private static Capture capturing() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Capture capture = new Capture();
        capture.setContext(context);
        capture.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(capture);
        VERBOSE.forEach(name -> context.getLogger(name).setLevel(Level.DEBUG));
        return capture;
    }

    private static void release(Capture capture) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(capture);
        capture.stop();
        context.getLogger("com.getpaidx").setLevel(Level.INFO); // as the test profile sets it
        context.getLogger("org.springframework.security").setLevel(null);
        context.getLogger("org.springframework.web").setLevel(null);
    }
}
