package com.getpaidx.orgs.shared;

import java.time.Instant;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The times this service accepts from outside: years 1 to 9999 (UTC), what ISO-8601 writes without a sign. Java reads
 * far larger ones, and PostgreSQL refuses those past 294276 AD or before 4713 BC ("timestamp out of range"), so without
 * a check such a value failed its statement with a 500, and a usage event carrying one failed its whole group-commit
 * batch. The bound is deliberately stricter than PostgreSQL's: no caller means a time beyond 9999.
 */
public final class StorableTime {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private StorableTime() {
    }

    public static boolean storable(Instant time) {
        return !time.isBefore(MIN) && !time.isAfter(MAX);
    }

    public static boolean storable(LocalDate day) {
        return day.getYear() >= 1 && day.getYear() <= 9999;
    }

    /** What a refusal says of a time out of range. */
    public static final String RANGE = "must be between the years 1 and 9999";

    /** {@code time} itself (null stays null), or {@code field}'s {@code validation_failed}. */
    public static @Nullable Instant require(String field, @Nullable Instant time) {
        if (time != null && !storable(time)) {
            throw new InvalidInput(field, RANGE);
        }
        return time;
    }

    /** {@code day} itself, or {@code field}'s {@code validation_failed}. */
    public static LocalDate require(String field, LocalDate day) {
        if (!storable(day)) {
            throw new InvalidInput(field, RANGE);
        }
        return day;
    }
}
