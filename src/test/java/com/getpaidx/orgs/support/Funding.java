package com.getpaidx.orgs.support;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.wallet.EntryType;
import com.getpaidx.orgs.wallet.internal.Ledger;

/**
 * Puts an exact number of credits into an org's wallet: a starter top-up paid in the sandbox, then
 * an adjustment that takes away what is more than wanted.
 */
public class Funding {

    private final Api api;
    private final Ledger ledger;
    private final TransactionTemplate transactions;

    Funding(Api api, Ledger ledger, TransactionTemplate transactions) {
        this.api = api;
        this.ledger = ledger;
        this.transactions = transactions;
    }

    public void fund(UUID org, Api.User billingManager, Credits wanted) {
        Api.Response topUp = api.post("/api/v1/orgs/" + org + "/wallet/topups", billingManager.token(),
                Map.of("packageId", "starter"));
        String path = URI.create(topUp.text("checkoutUrl")).getPath();
        api.post("/sandbox/api/checkout-sessions/" + path.substring(path.lastIndexOf('/') + 1) + "/complete", null, null);
        Credits surplus = Credits.ofWhole(1000).minus(wanted);
        if (surplus.isNegative()) {
            throw new IllegalArgumentException("fund at most 1000 credits at once");
        }
        if (surplus.isPositive()) {
            transactions.executeWithoutResult(tx -> ledger.apply(new OrgId(org), EntryType.ADJUSTMENT, surplus.negate(),
                    "test-funding:" + UUID.randomUUID(), "test funding"));
        }
    }
}
