package com.getpaidx.orgs.mail.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Turns a failed send into the text kept in {@code mail_outbox.last_error}. */
final class SendFailures {

    static final int MAX_LENGTH = 1000;
    private static final int MAX_CAUSES = 5;
    private static final String REDACTED = "[redacted]";

    private SendFailures() {
    }

    /**
     * The failure and its causes, short enough for a column and a log line, without the SMTP password:
     * some servers and clients echo the AUTH exchange back in their messages.
     */
    static String describe(Throwable failure, String password) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int depth = 0;
        for (Throwable cause = failure; cause != null && seen.add(cause) && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            if (!text.isEmpty()) {
                text.append("; caused by ");
            }
            text.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
        }
        String described = password == null || password.isEmpty() ? text.toString() : text.toString().replace(password, REDACTED);
        return truncate(described.strip());
    }

    private static String truncate(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = MAX_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
