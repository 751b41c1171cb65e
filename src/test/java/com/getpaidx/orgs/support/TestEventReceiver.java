package com.getpaidx.orgs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

/**
 * The app's side of outgoing events in every integration test: a WireMock server on {@link FreePort}'s port that
 * the test profile's one endpoint posts to, answering 200 unless a test tells it otherwise for its own events
 * (matched by a text only they contain, such as the test's org id). Tests share it and look only at their own.
 */
public class TestEventReceiver {

    public static final String SECRET = "whsec_dGVzdC1ldmVudHMtc2lnbmluZy1rZXktMDEyMzQ1Njc4OQ==";
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private final WireMockServer server;

    TestEventReceiver(int port) {
        this.server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(port));
    }

    public void start() {
        server.start();
        server.stubFor(post(urlEqualTo("/events")).atPriority(10).willReturn(aResponse().withStatus(200)));
    }

    public void stop() {
        server.stop();
    }

    /** Events whose body contains {@code text} get {@code status} (highest priority) until {@link #answerOk}. */
    public void answer(String text, int status) {
        server.stubFor(post(urlEqualTo("/events")).atPriority(1).withRequestBody(containing(text))
                .willReturn(aResponse().withStatus(status)));
    }

    /** Events whose body contains {@code text} get {@code status} after a delay. */
    public void answerSlowly(String text, int status, Duration delay) {
        server.stubFor(post(urlEqualTo("/events")).atPriority(1).withRequestBody(containing(text))
                .willReturn(aResponse().withStatus(status).withFixedDelay((int) delay.toMillis())));
    }

    /** Events whose body contains {@code text} get 200 at once, then a body that takes {@code over} to arrive. */
    public void answerWithSlowBody(String text, Duration over) {
        server.stubFor(post(urlEqualTo("/events")).atPriority(1).withRequestBody(containing(text))
                .willReturn(aResponse().withStatus(200).withBody("x".repeat(1000))
                        .withChunkedDribbleDelay(100, (int) over.toMillis())));
    }

    public void answerOk(String text) {
        answer(text, 200);
    }

    /** Every post received so far whose body contains {@code text}, oldest first. */
    public List<LoggedRequest> received(String text) {
        return server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/events"))
                .withRequestBody(containing(text)));
    }

    /** Waits until at least {@code count} posts containing {@code text} arrived, and returns them all. */
    public List<LoggedRequest> awaitReceived(String text, int count) {
        return await().atMost(PATIENCE).until(() -> received(text), requests -> requests.size() >= count);
    }

    /** Waits for a verified event of {@code type} whose body contains {@code text} (an id of the test's own). */
    public tools.jackson.databind.JsonNode awaitEvent(String text, String type) {
        return await().atMost(PATIENCE).until(() -> StandardWebhooks.ofType(received(text), type), events -> !events.isEmpty())
                .getFirst();
    }

    /** Offers {@code test.events.port}, free when the test JVM first asked, the same for every context. */
    public static class FreePort implements EnvironmentPostProcessor {

        public static final String PROPERTY = "test.events.port";
        private static final int PORT = pick();

        @Override
        public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
            environment.getPropertySources().addLast(new MapPropertySource("freeEventsPort", Map.of(PROPERTY, PORT)));
        }

        private static int pick() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
