package com.getpaidx.orgs.usage.internal;

import java.util.List;

import com.getpaidx.orgs.usage.UsageOutcome;

/** Charges a batch in one transaction and answers each event in order ({@link UsageCharges}). */
@FunctionalInterface
interface BatchCharger {

    List<UsageOutcome> charge(List<Pending> events);
}
