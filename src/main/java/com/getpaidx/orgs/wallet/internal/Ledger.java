package com.getpaidx.orgs.wallet.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.wallet.EntryType;
import com.getpaidx.orgs.wallet.InsufficientBalance;
import com.getpaidx.orgs.wallet.WalletDebited;

/**
 * The one place a balance changes. Each change locks the wallet row, appends one entry with the
 * balance after it, and updates the cached balance, all in the caller's transaction; so the cached
 * balance always equals the sum of the entries, and never drops below zero.
 */
@Component
public class Ledger {

    /** What a change did: the balance after it, or that its key had been applied before. */
    public record Applied(Optional<UUID> entryId, Credits balanceAfter) {

        public boolean duplicate() {
            return entryId.isEmpty();
        }
    }

    private final JdbcLedgerRepository ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ledger(JdbcLedgerRepository ledger, ApplicationEventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Applies a signed change once per {@code idempotencyKey}. A debit that would overdraw throws
     * {@link InsufficientBalance}; a key seen before changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Applied apply(OrgId org, EntryType type, Credits change, String idempotencyKey, String reference) {
        Instant now = clock.instant();
        long balance = lock(org, now);
        long after = Math.addExact(balance, change.micros());
        if (after < 0) {
            throw new InsufficientBalance();
        }
        UUID id = UUID.randomUUID();
        if (!ledger.insertEntry(id, org, type, change.micros(), after, idempotencyKey, reference, now)) {
            return new Applied(Optional.empty(), new Credits(balance));
        }
        ledger.setBalance(org, after);
        if (change.micros() < 0) {
            events.publishEvent(new WalletDebited(org, new Credits(balance), new Credits(after)));
        }
        return new Applied(Optional.of(id), new Credits(after));
    }

    /** The balance, locked for the rest of the transaction (for decisions such as clamping a reversal). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Credits lockedBalance(OrgId org) {
        return new Credits(lock(org, clock.instant()));
    }

    private long lock(OrgId org, Instant now) {
        return ledger.lockBalance(org).orElseGet(() -> {
            ledger.ensureWallet(org, now); // wallets are made with their org; this covers any made before
            return ledger.lockBalance(org).orElseThrow();
        });
    }
}
