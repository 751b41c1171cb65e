package com.getpaidx.orgs.shared;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UtcDaysTests {

    @Test
    void theLastDayIsIncludedWholeAndAnAbsentEndStaysOpen() {
        UtcDays days = UtcDays.of(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-01"));
        assertThat(days.start()).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(days.end()).isEqualTo(Instant.parse("2026-12-02T00:00:00Z"));
        assertThat(UtcDays.of(null, null)).isEqualTo(new UtcDays(null, null));
    }
}
