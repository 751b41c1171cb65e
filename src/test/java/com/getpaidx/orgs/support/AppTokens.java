package com.getpaidx.orgs.support;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Really signed JWTs as the GetPaidX app would send them, with every part a test may want wrong:
 * <pre>
 * String jwt = identityProvider.tokens().subject(sub).email(address, true).at(now).sign();
 * String forged = identityProvider.tokens().subject(sub).email(address, true).at(now).signedBy(Key.STRANGER_RSA).sign();
 * </pre>
 */
public final class AppTokens {

    /** Which key signs: the provider's published RSA or EC key, a stranger's, or the published one under an unknown id. */
    public enum Key { RSA, EC, STRANGER_RSA, UNKNOWN_KEY_ID }

    private static final RSAKey STRANGER = IdentityProvider.rsa("app-rsa-1");

    private final RSAKey rsa;
    private final ECKey ec;
    private String issuer;
    private List<String> audience = List.of(IdentityProvider.CLIENT_ID);
    private String subject = "app-user-" + UUID.randomUUID();
    private String email;
    private boolean emailVerified;
    private String name;
    private Instant issuedAt = Instant.now();
    private Instant expiresAt;
    private Instant notBefore;
    private Key key = Key.RSA;

    AppTokens(String issuer, RSAKey rsa, ECKey ec) {
        this.issuer = issuer;
        this.rsa = rsa;
        this.ec = ec;
    }

    public AppTokens subject(String subject) {
        this.subject = subject;
        return this;
    }

    public AppTokens email(String email, boolean verified) {
        this.email = email;
        this.emailVerified = verified;
        return this;
    }

    public AppTokens name(String name) {
        this.name = name;
        return this;
    }

    public AppTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public AppTokens audience(String... audience) {
        this.audience = List.of(audience);
        return this;
    }

    /** Issued at {@code now} (the service's clock), valid for five minutes from then. */
    public AppTokens at(Instant now) {
        this.issuedAt = now;
        this.expiresAt = now.plusSeconds(300);
        return this;
    }

    public AppTokens expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public AppTokens notBefore(Instant notBefore) {
        this.notBefore = notBefore;
        return this;
    }

    public String issuerValue() {
        return issuer;
    }

    public Instant issuedAtValue() {
        return issuedAt;
    }

    public AppTokens signedBy(Key key) {
        this.key = key;
        return this;
    }

    public String sign() {
        var claims = new JWTClaimsSet.Builder().issuer(issuer).subject(subject).audience(audience)
                .issueTime(Date.from(issuedAt)).jwtID(UUID.randomUUID().toString());
        if (expiresAt != null) {
            claims.expirationTime(Date.from(expiresAt));
        }
        if (notBefore != null) {
            claims.notBeforeTime(Date.from(notBefore));
        }
        if (email != null) {
            claims.claim("email", email).claim("email_verified", emailVerified);
        }
        if (name != null) {
            claims.claim("name", name);
        }
        try {
            SignedJWT jwt = new SignedJWT(header(), claims.build());
            jwt.sign(signer());
            return jwt.serialize();
        }
        catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWSHeader header() {
        String keyId = switch (key) {
            case RSA, STRANGER_RSA -> rsa.getKeyID(); // the stranger claims the provider's key id
            case EC -> ec.getKeyID();
            case UNKNOWN_KEY_ID -> "app-rsa-never-published";
        };
        return new JWSHeader.Builder(key == Key.EC ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT).keyID(keyId).build();
    }

    private JWSSigner signer() throws JOSEException {
        return switch (key) {
            case RSA, UNKNOWN_KEY_ID -> new RSASSASigner(rsa);
            case EC -> new ECDSASigner(ec);
            case STRANGER_RSA -> new RSASSASigner(STRANGER);
        };
    }
}
