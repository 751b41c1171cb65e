package com.getpaidx.orgs.usage;

import java.time.LocalDate;

import com.getpaidx.orgs.shared.Credits;

/** Credits charged to an organization on one UTC day. */
public record UsageDay(LocalDate day, Credits credits) {
}
