package com.getpaidx.orgs.usage.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.usage.UsageDay;

/**
 * The 30-day bar chart of the Usage section, laid out on the server as SVG coordinates (no script draws it). The
 * same days go to a table beside it, which is what screen readers read.
 */
record UsageChart(List<Bar> bars, Credits total, Credits peak, int width, int height) {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    private static final int LABELS = 20;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    /** One day's bar; {@code label} set on the days that carry an axis label, written from {@code labelX}. */
    record Bar(String day, String isoDay, Credits credits, Tenths x, Tenths y, Tenths width, Tenths height,
            String label, Tenths labelX, String anchor) {
    }

    /**
     * An SVG length in tenths of a pixel, written as a decimal ({@code 12.3}): the layout is integer arithmetic on
     * micro-credits, no floating point beside an amount.
     */
    record Tenths(long value) {

        @Override
        public String toString() {
            return value % 10 == 0 ? Long.toString(value / 10) : value / 10 + "." + Math.abs(value % 10);
        }
    }

    static UsageChart of(List<UsageDay> days) {
        long peak = days.stream().mapToLong(d -> d.credits().micros()).max().orElse(0);
        long total = days.stream().mapToLong(d -> d.credits().micros()).sum();
        int count = Math.max(1, days.size());
        long plot = (HEIGHT - LABELS) * 10L;
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            UsageDay day = days.get(i);
            long height = barHeight(day.credits().micros(), peak, plot);
            boolean last = i == days.size() - 1;
            // a label each week and on the last day, never two close enough to overlap
            boolean labelled = last || (i % 7 == 0 && i < days.size() - 4);
            long left = slotStart(i, count);
            long right = slotStart(i + 1, count);
            bars.add(new Bar(DAY.format(day.day()), day.day().toString(), day.credits(), new Tenths(left + 10),
                    new Tenths(plot - height), new Tenths(right - left - 20), new Tenths(height),
                    labelled ? DAY.format(day.day()) : null, new Tenths(last ? right : left + 10), last ? "end" : "start"));
        }
        return new UsageChart(List.copyOf(bars), new Credits(total), new Credits(peak), WIDTH, HEIGHT);
    }

    /** Where slot {@code i} of {@code count} begins, in tenths of a pixel, rounded to the nearest. */
    private static long slotStart(int i, int count) {
        return (i * WIDTH * 10L + count / 2) / count;
    }

    /** The share of the plot's height that {@code micros} is of the peak, at least a pixel for any spend. */
    private static long barHeight(long micros, long peak, long plot) {
        if (peak == 0 || micros <= 0) {
            return 0;
        }
        long share = BigDecimal.valueOf(micros).multiply(BigDecimal.valueOf(plot))
                .divide(BigDecimal.valueOf(peak), 0, RoundingMode.HALF_UP).longValueExact();
        return Math.max(10, share);
    }
}
