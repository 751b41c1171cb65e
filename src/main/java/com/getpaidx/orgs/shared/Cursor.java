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

    /** @param key the row's tie-breaker after its time: a UUID for most lists, a text id for usage events */
    public record Position(Instant time, String key) {

        public Position(Instant time, UUID id) {
            this(time, id.toString());
        }

        public UUID id() {
            try {
                return UUID.fromString(key);
            }
            catch (IllegalArgumentException e) {
                throw new InvalidInput("cursor", "is not a cursor this service issued");
            }
        }
    }

    private Cursor() {
    }

    public static String encode(Position position) {
        String raw = position.time().toString() + "|" + position.key();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Position decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            Instant time = Instant.parse(raw.substring(0, bar));
            if (!StorableTime.storable(time)) {
                throw new IllegalArgumentException("out of range");
            }
            return new Position(time, raw.substring(bar + 1));
        }
        catch (IllegalArgumentException | DateTimeParseException | IndexOutOfBoundsException e) {
            throw new InvalidInput("cursor", "is not a cursor this service issued");
        }
    }
}
