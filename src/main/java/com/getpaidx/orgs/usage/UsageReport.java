package com.getpaidx.orgs.usage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.StorableTime;
import com.getpaidx.orgs.shared.UserId;

/** One metered usage event as the workspace runtime reports it. */
public record UsageReport(String eventId, String workspaceId, UserId userId, Credits credits, String kind, String model,
        Instant occurredAt) {

    static final int MAX_EVENT_ID = 128;
    static final int MAX_LABEL = 100;

    /** Throws {@link InvalidInput} naming the first field that breaks the rules of DESIGN §3. */
    public UsageReport validated() {
        for (String[] field : new String[][] { { "eventId", eventId }, { "workspaceId", workspaceId }, { "kind", kind },
                { "model", model } }) {
            if (field[1] != null && field[1].chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInput(field[0], "must not contain control characters");
            }
        }
        if (eventId == null || eventId.isBlank() || eventId.length() > MAX_EVENT_ID) {
            throw new InvalidInput("eventId", "must be 1 to " + MAX_EVENT_ID + " characters");
        }
        if (workspaceId == null || workspaceId.isBlank() || workspaceId.length() > 128) {
            throw new InvalidInput("workspaceId", "must be 1 to 128 characters");
        }
        if (userId == null) {
            throw new InvalidInput("userId", "is required");
        }
        if (credits == null || !credits.isPositive()) {
            throw new InvalidInput("credits", "must be more than 0");
        }
        if (kind == null || kind.isBlank() || kind.length() > MAX_LABEL) {
            throw new InvalidInput("kind", "must be 1 to " + MAX_LABEL + " characters");
        }
        if (model == null || model.isBlank() || model.length() > MAX_LABEL) {
            throw new InvalidInput("model", "must be 1 to " + MAX_LABEL + " characters");
        }
        if (occurredAt == null) {
            throw new InvalidInput("occurredAt", "is required");
        }
        StorableTime.require("occurredAt", occurredAt);
        return this;
    }

    /** The body's fingerprint: a replay must match it, or the eventId is being reused for something else. */
    public byte[] fingerprint() {
        String canonical = String.join("\n", eventId, workspaceId, userId.toString(), Long.toString(credits.micros()),
                kind, model, occurredAt.toString());
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
