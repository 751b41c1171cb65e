package com.getpaidx.orgs.usage.internal;

import com.getpaidx.orgs.usage.UsageReport;
import com.getpaidx.orgs.usage.Workspace;

/** A valid usage report bound for an org, with the fingerprint its replays must match. */
public record Pending(UsageReport report, Workspace workspace, byte[] fingerprint) {

    public static Pending of(UsageReport report, Workspace workspace) {
        return new Pending(report, workspace, report.fingerprint());
    }
}
