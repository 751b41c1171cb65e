package com.getpaidx.orgs.shared;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.MDC;

/**
 * Ids every log line of a piece of work carries in the MDC ({@code orgId}, {@code eventId}, {@code mailId}),
 * so structured logs can be filtered by them. Closing puts back what was there before, so contexts nest:
 * the inbox sets the payment event's id, a listener inside it adds the org.
 */
public final class LogContext implements AutoCloseable {

    public static final String ORG_ID = "orgId";
    public static final String EVENT_ID = "eventId";
    public static final String MAIL_ID = "mailId";

    private record Previous(String key, String value) {
    }

    private final List<Previous> previous = new ArrayList<>(2);

    private LogContext() {
    }

    /** A context with {@code key} = {@code value}; a null value leaves the key as it is. */
    public static LogContext with(String key, Object value) {
        return new LogContext().and(key, value);
    }

    public LogContext and(String key, Object value) {
        if (value != null) {
            previous.add(new Previous(key, MDC.get(key)));
            MDC.put(key, value.toString());
        }
        return this;
    }

    @Override
    public void close() {
        for (int i = previous.size() - 1; i >= 0; i--) {
            Previous was = previous.get(i);
            if (was.value() == null) {
                MDC.remove(was.key());
            }
            else {
                MDC.put(was.key(), was.value());
            }
        }
    }
}
