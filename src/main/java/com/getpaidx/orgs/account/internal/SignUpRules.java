package com.getpaidx.orgs.account.internal;

import java.nio.charset.StandardCharsets;

import com.getpaidx.orgs.shared.EmailAddresses;
import com.getpaidx.orgs.shared.InvalidInput;

/** What a new account must bring. */
public final class SignUpRules {

    static final int MIN_PASSWORD = 10;
    /** BCrypt reads 72 bytes at most; a longer password would silently lose its tail. */
    static final int MAX_PASSWORD_BYTES = 72;

    private SignUpRules() {
    }

    public static String email(String email) {
        return EmailAddresses.requireValid("email", email);
    }

    public static void password(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            throw new InvalidInput("password", "must be at least " + MIN_PASSWORD + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInput("password", "must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
    }

    public static String displayName(String displayName) {
        String trimmed = displayName == null ? "" : displayName.trim();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new InvalidInput("displayName", "must be 1 to 100 characters");
        }
        return trimmed;
    }
}
