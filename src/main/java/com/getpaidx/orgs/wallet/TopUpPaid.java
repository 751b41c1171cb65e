package com.getpaidx.orgs.wallet;

import java.util.UUID;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;

/** A top-up's payment arrived and its credits were granted; published inside that transaction. */
public record TopUpPaid(OrgId orgId, UUID topUpId, Credits credits, Credits balanceAfter) {
}
