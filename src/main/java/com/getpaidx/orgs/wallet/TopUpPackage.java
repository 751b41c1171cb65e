package com.getpaidx.orgs.wallet;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.Money;

/** A credit package on sale: {@code credits} for {@code price}. */
public record TopUpPackage(String id, String name, Credits credits, Money price) {
}
