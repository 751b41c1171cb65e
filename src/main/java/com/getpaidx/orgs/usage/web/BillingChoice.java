package com.getpaidx.orgs.usage.web;

import java.util.UUID;

import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.usage.BillingTarget;

/** The value of a "Bill workspace to" option: {@code personal} or an organization's id. */
record BillingChoice(BillingTarget target, OrgId org) {

    static final String PERSONAL = "personal";

    static BillingChoice of(String value) {
        if (PERSONAL.equals(value)) {
            return new BillingChoice(BillingTarget.PERSONAL, null);
        }
        try {
            return new BillingChoice(BillingTarget.ORG, new OrgId(UUID.fromString(value)));
        }
        catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInput("billTo", "must be personal or an organization's id");
        }
    }
}
