package com.getpaidx.orgs.usage.web;

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
    record Bar(String day, String isoDay, Credits credits, double x, double y, double width, double height,
            String label, double labelX, String anchor) {
    }

    static UsageChart of(List<UsageDay> days) {
        long peak = days.stream().mapToLong(d -> d.credits().micros()).max().orElse(0);
        long total = days.stream().mapToLong(d -> d.credits().micros()).sum();
        double slot = (double) WIDTH / Math.max(1, days.size());
        double plot = HEIGHT - LABELS;
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            UsageDay day = days.get(i);
            double height = peak == 0 ? 0 : Math.max(day.credits().micros() > 0 ? 1 : 0,
                    plot * day.credits().micros() / peak);
            boolean last = i == days.size() - 1;
            // a label each week and on the last day, never two close enough to overlap
            boolean labelled = last || (i % 7 == 0 && i < days.size() - 4);
            bars.add(new Bar(DAY.format(day.day()), day.day().toString(), day.credits(), round(i * slot + 1),
                    round(plot - height), round(slot - 2), round(height), labelled ? DAY.format(day.day()) : null,
                    round(last ? (i + 1) * slot : i * slot + 1), last ? "end" : "start"));
        }
        return new UsageChart(List.copyOf(bars), new Credits(total), new Credits(peak), WIDTH, HEIGHT);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
