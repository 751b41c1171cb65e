package com.getpaidx.orgs.shared;

import java.util.regex.Pattern;

/** The one email rule of the service, for sign-up and invitations alike. */
public final class EmailAddresses {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");

    private EmailAddresses() {
    }

    /** The trimmed address, or {@link InvalidInput} on {@code field}. */
    public static String requireValid(String field, String email) {
        String trimmed = email == null ? "" : email.trim();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw new InvalidInput(field, "must be an email address");
        }
        return trimmed;
    }
}
