package com.getpaidx.orgs.shared;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * AI credits as whole micro-credits (1 credit = 1,000,000). In JSON a decimal string with at most six
 * fraction digits, no exponent and no trailing zeros: {@code "12.5"}, {@code "1000"}, {@code "-0.000001"}.
 * Arithmetic is exact and overflow throws; there is no floating point anywhere near it.
 */
public record Credits(long micros) implements Comparable<Credits> {

    public static final long MICROS_PER_CREDIT = 1_000_000L;
    public static final Credits ZERO = new Credits(0);
    /** The most whole credits a value may name: its micro-credits still fit a {@code long} (and a {@code BIGINT}). */
    public static final long MAX_WHOLE = Long.MAX_VALUE / MICROS_PER_CREDIT - 1;
    private static final Pattern DECIMAL = Pattern.compile("(\\d{1,13})(?:\\.(\\d{1,6}))?");

    public static Credits ofWhole(long credits) {
        return new Credits(Math.multiplyExact(credits, MICROS_PER_CREDIT));
    }

    /**
     * Reads a non-negative decimal string. Refuses signs, exponents, more than six fraction digits,
     * blanks and anything else that is not plainly a number.
     */
    @JsonCreator
    public static Credits parse(String decimal) {
        var match = decimal == null ? null : DECIMAL.matcher(decimal);
        if (match == null || !match.matches()) {
            throw new InvalidInput("credits", "must be a decimal string such as \"12.5\" with at most 6 fraction digits");
        }
        String fraction = match.group(2) == null ? "" : match.group(2);
        long whole = Long.parseLong(match.group(1));
        if (whole > MAX_WHOLE) {
            throw new InvalidInput("credits", "must be at most " + MAX_WHOLE + " credits");
        }
        long micros = fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000").substring(0, 6));
        return new Credits(whole * MICROS_PER_CREDIT + micros);
    }

    public Credits plus(Credits other) {
        return new Credits(Math.addExact(micros, other.micros));
    }

    public Credits minus(Credits other) {
        return new Credits(Math.subtractExact(micros, other.micros));
    }

    public Credits negate() {
        return new Credits(Math.negateExact(micros));
    }

    public boolean isPositive() {
        return micros > 0;
    }

    public boolean isNegative() {
        return micros < 0;
    }

    public static Credits min(Credits a, Credits b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public int compareTo(Credits other) {
        return Long.compare(micros, other.micros);
    }

    @JsonValue
    @Override
    public String toString() {
        long magnitude = Math.abs(micros);
        String sign = micros < 0 ? "-" : "";
        long whole = magnitude / MICROS_PER_CREDIT;
        long fraction = magnitude % MICROS_PER_CREDIT;
        if (fraction == 0) {
            return sign + whole;
        }
        String digits = String.format("%06d", fraction).replaceAll("0+$", "");
        return sign + whole + "." + digits;
    }
}
