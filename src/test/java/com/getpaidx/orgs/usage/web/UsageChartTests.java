package com.getpaidx.orgs.usage.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.usage.UsageDay;

import static org.assertj.core.api.Assertions.assertThat;

class UsageChartTests {

    private static final LocalDate FIRST = LocalDate.parse("2026-11-04");

    private static List<UsageDay> days(long... micros) {
        List<UsageDay> days = new ArrayList<>();
        for (int i = 0; i < micros.length; i++) {
            days.add(new UsageDay(FIRST.plusDays(i), new Credits(micros[i])));
        }
        return days;
    }

    @Test
    void barsAreTheirDaysShareOfTheBusiestDayAndAnySpendShowsAtLeastAPixel() {
        UsageChart chart = UsageChart.of(days(0, 7_000_000, 14_000_000, 1, 3_500_000));
        List<String> heights = chart.bars().stream().map(bar -> bar.height().toString()).toList();
        assertThat(heights).containsExactly("0", "70", "140", "1", "35");
        assertThat(chart.bars().get(2).y().toString()).isEqualTo("0");
        assertThat(chart.bars().get(0).y().toString()).isEqualTo("140");
        assertThat(chart.total()).isEqualTo(new Credits(24_500_001));
        assertThat(chart.peak()).isEqualTo(new Credits(14_000_000));
    }

    @Test
    void slotsSplitTheWidthToATenthOfAPixelWithAGapAndTheLastLabelEndsAtTheRightEdge() {
        UsageChart chart = UsageChart.of(days(new long[7]));
        UsageChart.Bar first = chart.bars().getFirst();
        UsageChart.Bar second = chart.bars().get(1);
        assertThat(first.x().toString()).isEqualTo("1");
        assertThat(first.width().toString()).isEqualTo("83.7");
        assertThat(second.x().toString()).isEqualTo("86.7");
        assertThat(chart.bars().getLast().labelX().toString()).isEqualTo("600");
        assertThat(chart.bars().getLast().anchor()).isEqualTo("end");
        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.height().toString()).isEqualTo("0"));
    }

    @Test
    void aHugeDayNeitherOverflowsNorLosesTheSmallOnes() {
        UsageChart chart = UsageChart.of(days(Long.MAX_VALUE / 2, Long.MAX_VALUE / 4, 1));
        assertThat(chart.bars().stream().map(bar -> bar.height().toString()).toList()).containsExactly("140", "70", "1");
    }
}
