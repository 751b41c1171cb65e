package com.getpaidx.orgs.wallet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.membership.Authorizer;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.Cursor;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.RowSink;
import com.getpaidx.orgs.shared.UserId;
import com.getpaidx.orgs.wallet.internal.JdbcLedgerExport;
import com.getpaidx.orgs.wallet.internal.JdbcLedgerRepository;
import com.getpaidx.orgs.wallet.internal.Ledger;

/** The wallet as members and billing managers read it. */
@Service
public class WalletManagement {

    private final JdbcLedgerRepository ledger;
    private final Ledger book;
    private final Authorizer authorizer;
    private final List<SpendingControls> controls;
    private final Clock clock;
    private final JdbcLedgerExport export;

    WalletManagement(JdbcLedgerRepository ledger, Ledger book, Authorizer authorizer, List<SpendingControls> controls,
            Clock clock, JdbcLedgerExport export) {
        this.export = export;
        this.ledger = ledger;
        this.book = book;
        this.authorizer = authorizer;
        this.controls = controls;
        this.clock = clock;
    }

    /** Every member sees the balance. */
    @Transactional(readOnly = true)
    public WalletView wallet(OrgId org, UserId caller) {
        authorizer.require(org, caller, Permission.VIEW);
        var monthStart = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean paused = !controls.isEmpty() && controls.getFirst().paused(org);
        Credits threshold = controls.isEmpty() ? null : controls.getFirst().lowBalanceThreshold(org).orElse(null);
        return new WalletView(org, new Credits(ledger.balance(org)), threshold, paused,
                new Credits(ledger.usageSince(org, monthStart)));
    }

    /** How many days the balance lasts at the last week's average usage spend; empty without spend. */
    @Transactional(readOnly = true)
    public Optional<Runway> runway(OrgId org, UserId caller) {
        authorizer.require(org, caller, Permission.VIEW);
        Instant since = clock.instant().minus(Duration.ofDays(Runway.WINDOW_DAYS));
        return Runway.of(new Credits(ledger.balance(org)), new Credits(ledger.usageSince(org, since)));
    }

    /** Billing managers export the entries created in [from, to), oldest first, one at a time. */
    @Transactional(readOnly = true)
    public long exportTransactions(OrgId org, UserId caller, Instant from, Instant to, RowSink<WalletEntry> sink) {
        authorizer.require(org, caller, Permission.MANAGE_BILLING);
        sink.begin();
        return export.export(org, from, to, sink);
    }

    /** The balance, for modules that have authorized their caller already. */
    @Transactional(readOnly = true)
    public Credits balance(OrgId org) {
        return new Credits(ledger.balance(org));
    }

    /** Billing managers see every entry, newest first. */
    @Transactional(readOnly = true)
    public Page<WalletEntry> transactions(OrgId org, UserId caller, Instant from, Instant to, PageRequest request) {
        authorizer.require(org, caller, Permission.MANAGE_BILLING);
        return request.page(ledger.page(org, from, to, request), entry -> new Cursor.Position(entry.createdAt(), entry.id()));
    }
}
