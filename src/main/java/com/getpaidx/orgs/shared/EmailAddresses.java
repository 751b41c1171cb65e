package com.getpaidx.orgs.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one email rule of the service: sign-up, invitations and the mail outbox all ask it, so an address
 * accepted at the door can be sent to. It takes a bare RFC 5322 addr-spec in its common, unquoted form:
 * a dot-atom local part of at most 64 characters, and a host name of at least two labels whose last is
 * not all digits; at most 254 characters, ASCII only. No display names, comments, quoted strings, IP
 * literals or lists: each is something a mail library may read differently from us.
 *
 * <p>Equality is {@link #key}: the address lower-cased. Being ASCII, it is exactly what PostgreSQL's
 * {@code lower(email)} gives under any collation, so the unique indexes and the Java comparisons agree.
 */
public final class EmailAddresses {

    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS = Pattern.compile(
            "(" + ATOM + "(?:\\." + ATOM + ")*)@((?:" + LABEL + "\\.)+" + LABEL + ")");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9]+");
    static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL_PART = 64;

    private EmailAddresses() {
    }

    /** The trimmed address when it is one, else empty. */
    public static Optional<String> parse(String email) {
        String trimmed = email == null ? "" : email.strip();
        if (trimmed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        var matcher = ADDRESS.matcher(trimmed);
        if (!matcher.matches() || matcher.group(1).length() > MAX_LOCAL_PART) {
            return Optional.empty();
        }
        String domain = matcher.group(2);
        String topLevel = domain.substring(domain.lastIndexOf('.') + 1);
        return ALL_DIGITS.matcher(topLevel).matches() ? Optional.empty() : Optional.of(trimmed);
    }

    /** The trimmed address, or {@link InvalidInput} on {@code field}. */
    public static String requireValid(String field, String email) {
        return parse(email).orElseThrow(() -> new InvalidInput(field, "must be an email address"));
    }

    /** What two addresses must share to be the same: trimmed and lower-cased, like SQL's {@code lower(email)}. */
    public static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static boolean same(String one, String other) {
        return one != null && other != null && key(one).equals(key(other));
    }
}
