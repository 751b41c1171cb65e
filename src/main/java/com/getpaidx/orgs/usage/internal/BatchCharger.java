package com.getpaidx.orgs.usage.internal;

import java.util.List;

import com.getpaidx.orgs.usage.UsageOutcome;

/** Charges a batch in one transaction and answers each event in order ({@link UsageCharges}). */
public interface BatchCharger {

    /** When a batch's commit returns: once its changes are on disk, or as soon as they are visible. */
    enum Commit {
        /** The commit waits for its WAL to reach the disk; its low-balance alerts go out once it returns. */
        DURABLE,
        /**
         * The commit returns before its WAL is on disk (PostgreSQL's asynchronous commit), so the
         * wallet locks go at once; the caller answers its events only after a later {@link #flush()},
         * whose wait covers it (PostgreSQL writes and flushes the WAL in order).
         */
        DEFERRED
    }

    List<UsageOutcome> charge(List<Pending> events, Commit commit);

    /** Returns once every commit made before it is on disk; their low-balance alerts go out then. */
    void flush();
}
