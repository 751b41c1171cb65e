package com.getpaidx.orgs.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.JOSEException;

import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The GetPaidX app's identity provider, played by Spring Authorization Server in a small server of its own on
 * {@code http://127.0.0.1:<test.idp.port>} (a separate, plain web server context beside the shared application
 * context; nothing of the service is in it). It signs access and ID tokens with an RSA key and publishes that key
 * and an EC key in its JWK set; tests mint their own tokens with either ({@link AppTokens}), or with keys it never
 * published. People sign in on its default login form; their email, {@code email_verified} and name go into the
 * tokens it issues.
 */
public final class IdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "getpaidx-organizations";
    public static final String CLIENT_SECRET = "test-oidc-client-secret-0123456789";

    /** What the app knows about one of its people; {@code sub} is the login name. */
    public record Person(String subject, String password, String email, boolean emailVerified, String name) {
    }

    private final int port;
    private final RSAKey rsa = rsa("app-rsa-1");
    private final ECKey ec = ec("app-ec-1");
    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final InMemoryUserDetailsManager logins = new InMemoryUserDetailsManager();
    private AnnotationConfigServletWebServerApplicationContext server;

    public IdentityProvider(int port) {
        this.port = port;
    }

    public void start() {
        var context = new AnnotationConfigServletWebServerApplicationContext();
        context.registerBean(IdentityProvider.class, () -> this);
        context.register(IdentityProviderServer.class);
        context.refresh();
        server = context;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    public int port() {
        return port;
    }

    public String issuer() {
        return "http://127.0.0.1:" + port;
    }

    /** A new person of the app, able to sign in on its login form. */
    public Person newPerson(String email, boolean emailVerified, String name) {
        var person = new Person("app-user-" + UUID.randomUUID(), "app-password-" + UUID.randomUUID(), email,
                emailVerified, name);
        people.put(person.subject(), person);
        logins.createUser(User.withUsername(person.subject()).password("{noop}" + person.password())
                .roles("USER").build());
        return person;
    }

    /** Tokens signed by this provider's published keys, or by keys it never published. */
    public AppTokens tokens() {
        return new AppTokens(issuer(), rsa, ec);
    }

    Person person(String subject) {
        return people.get(subject);
    }

    InMemoryUserDetailsManager logins() {
        return logins;
    }

    JWKSet publishedKeys() {
        return new JWKSet(List.of(rsa, ec));
    }

    static RSAKey rsa(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECKey ec(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
