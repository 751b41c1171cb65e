package com.getpaidx.orgs.wallet;

import java.time.Instant;
import java.util.UUID;

import com.getpaidx.orgs.shared.Credits;

/** One row of the ledger: a signed change and the balance right after it. */
public record WalletEntry(UUID id, EntryType type, Credits credits, Credits balanceAfter, String reference,
        Instant createdAt) {
}
