package com.getpaidx.orgs.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

/**
 * The days {@code from} to {@code to}, both included, as the instants of UTC that bound them: the start of the
 * first day and the start of the day after the last, so that "to" includes its day. Either end may be open.
 */
public record UtcDays(@Nullable Instant start, @Nullable Instant end) {

    /** Days outside the years 1 to 9999 are refused as their parameter's {@code validation_failed}. */
    public static UtcDays of(@Nullable LocalDate from, @Nullable LocalDate to) {
        return new UtcDays(from == null ? null : startOf(StorableTime.require("from", from)),
                to == null ? null : startOf(StorableTime.require("to", to).plusDays(1)));
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
