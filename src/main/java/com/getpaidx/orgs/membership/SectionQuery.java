package com.getpaidx.orgs.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.getpaidx.orgs.shared.DomainException;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.StorableTime;
import com.getpaidx.orgs.shared.UtcDays;

/**
 * The query parameters of a section page (filters, paging cursors). Reading is forgiving: a malformed filter
 * from a hand-edited address counts as absent, so a section never fails on its own query.
 */
public record SectionQuery(Map<String, List<String>> parameters) {

    public static SectionQuery none() {
        return new SectionQuery(Map.of());
    }

    /** The first non-blank value of {@code name}, trimmed. */
    public @Nullable String text(String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        return values.isEmpty() || values.getFirst() == null || values.getFirst().isBlank() ? null : values.getFirst().trim();
    }

    public @Nullable UUID uuid(String name) {
        String value = text(name);
        try {
            return value == null ? null : UUID.fromString(value);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A {@code yyyy-MM-dd} date as the start of that UTC day. */
    public @Nullable Instant dayStart(String name) {
        return UtcDays.of(date(name), null).start();
    }

    /** A {@code yyyy-MM-dd} date as the end of that UTC day (the next day's start), so "to" includes the day. */
    public @Nullable Instant dayEnd(String name) {
        return UtcDays.of(null, date(name)).end();
    }

    /** {@code limit} rows after the {@code cursor} parameter; a cursor that does not decode starts at the top. */
    public PageRequest page(int limit) {
        try {
            return PageRequest.of(limit, text("cursor"));
        }
        catch (DomainException e) {
            return PageRequest.first(limit);
        }
    }

    public @Nullable LocalDate date(String name) {
        String value = text(name);
        try {
            LocalDate day = value == null ? null : LocalDate.parse(value);
            return day == null || StorableTime.storable(day) ? day : null;
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }
}
