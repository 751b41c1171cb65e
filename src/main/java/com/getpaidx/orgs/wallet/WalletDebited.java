package com.getpaidx.orgs.wallet;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;

/**
 * A debit other than usage (a refund's reversal, an adjustment) took credits from the wallet; published inside
 * that transaction, under the wallet's lock. Usage debits are the usage module's own and are not announced.
 */
public record WalletDebited(OrgId orgId, Credits before, Credits after) {
}
