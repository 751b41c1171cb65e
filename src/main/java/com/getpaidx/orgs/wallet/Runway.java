package com.getpaidx.orgs.wallet;

import com.getpaidx.orgs.shared.Credits;

/**
 * How long the balance lasts at the recent pace: {@code days} whole days at {@code dailyAverage}, the average
 * usage spend per day over the last {@link #WINDOW_DAYS} days.
 */
public record Runway(long days, Credits dailyAverage) {

    public static final int WINDOW_DAYS = 7;

    /** Empty when nothing was spent in the window (no pace to measure). */
    static java.util.Optional<Runway> of(Credits balance, Credits spentInWindow) {
        long average = spentInWindow.micros() / WINDOW_DAYS;
        if (average <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Runway(Math.max(0, balance.micros()) / average, new Credits(average)));
    }
}
