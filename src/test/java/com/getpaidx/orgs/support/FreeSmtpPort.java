package com.getpaidx.orgs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Offers {@code test.smtp.port}, a port that was free when the test JVM first asked, the same for every
 * context in the JVM. The test profile points {@code spring.mail.port} at it and {@link TestMailServer}
 * listens on it; a fixed port (not an ephemeral one per start) lets a test stop and restart the server
 * while the application keeps its configuration.
 */
public class FreeSmtpPort implements EnvironmentPostProcessor {

    public static final String PROPERTY = "test.smtp.port";
    private static final int PORT = pickFreePort();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("freeSmtpPort", Map.of(PROPERTY, PORT)));
    }

    private static int pickFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
