package com.getpaidx.orgs.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Encodes a keyset position (time, id) as an opaque URL-safe string.
 */
public final class Cursor {

    public record Position(Instant time, UUID id) {
    }

    private Cursor() {
    }

    public static String encode(Position position) {
        String raw = position.time().toString() + "|" + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new Position(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        }
        catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw new InvalidInput("cursor", "is not a cursor this service issued");
        }
    }
}
