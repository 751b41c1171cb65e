package com.getpaidx.orgs.usage.internal;

import com.getpaidx.orgs.usage.UsageReport;

/** A valid usage report on its way to a charge, with the fingerprint its replays must match. */
public record Pending(UsageReport report, byte[] fingerprint) {

    public static Pending of(UsageReport valid) {
        return new Pending(valid, valid.fingerprint());
    }
}
