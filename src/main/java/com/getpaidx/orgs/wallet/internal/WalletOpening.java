package com.getpaidx.orgs.wallet.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.organization.OrganizationCreated;

/** Every organization has its wallet from the first moment, with a zero balance. */
@Component
class WalletOpening {

    private final JdbcLedgerRepository ledger;
    private final Clock clock;

    WalletOpening(JdbcLedgerRepository ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @EventListener
    void on(OrganizationCreated event) {
        ledger.ensureWallet(event.orgId(), clock.instant());
    }
}
