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
 * Offers {@code test.idp.port}, a loopback port free when the test JVM first asked, on which {@link IdentityProvider}
 * listens; the test profile points {@code getpaidx.auth.jwt.*} and {@code getpaidx.auth.oidc.*} at it.
 */
public class IdentityProviderPort implements EnvironmentPostProcessor {

    public static final String PROPERTY = "test.idp.port";
    private static final int PORT = pickFreePort();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("identityProviderPort", Map.of(PROPERTY, PORT)));
    }

    private static int pickFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
