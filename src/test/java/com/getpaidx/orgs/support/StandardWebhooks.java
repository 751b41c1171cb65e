package com.getpaidx.orgs.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The receiving side of the Standard Webhooks spec, written from the spec (standardwebhooks.com) and not from the
 * service's signer: the key is the base64 after {@code whsec_}; the signed content is {@code id.timestamp.body};
 * {@code webhook-signature} is a space-separated list of {@code v1,<base64>}, any of which may match; the
 * timestamp must be within five minutes of now.
 */
public final class StandardWebhooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private StandardWebhooks() {
    }

    /** The event, if its headers verify with {@code secret}; otherwise an AssertionError saying why. */
    public static JsonNode verified(LoggedRequest request, String secret) {
        String id = request.getHeader("webhook-id");
        String timestamp = request.getHeader("webhook-timestamp");
        String signatures = request.getHeader("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            throw new AssertionError("a Standard Webhooks header is missing: " + request.getHeaders());
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, Instant.now()).abs().compareTo(TOLERANCE) > 0) {
            throw new AssertionError("webhook-timestamp " + timestamp + " is not within five minutes of now");
        }
        String body = request.getBodyAsString();
        byte[] expected = hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                (id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        for (String signature : signatures.split(" ")) {
            int comma = signature.indexOf(',');
            if (comma > 0 && signature.substring(0, comma).equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(comma + 1)))) {
                return JSON.readTree(body);
            }
        }
        throw new AssertionError("no v1 signature in '" + signatures + "' matches the body");
    }

    /** The verified events of {@code type} among {@code requests}. */
    public static List<JsonNode> ofType(List<LoggedRequest> requests, String type) {
        return requests.stream().map(request -> verified(request, TestEventReceiver.SECRET))
                .filter(event -> event.path("type").asString().equals(type)).toList();
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        }
        catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
