package com.getpaidx.orgs.wallet.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.getpaidx.orgs.billing.CheckoutState;
import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.Money;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.wallet.TopUp;
import com.getpaidx.orgs.wallet.TopUpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutMatchTests {

    private static final TopUp TOP_UP = new TopUp(UUID.randomUUID(), new OrgId(UUID.randomUUID()), "starter",
            Credits.ofWhole(1000), new Money(1000, "USD"), TopUpStatus.PENDING, "cs_own", "https://pay/cs_own", 0,
            Instant.EPOCH, null);

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} -> {5}")
    @CsvSource(nullValues = "null", value = {
            "cs_own,   payment,      paid,   1000, USD,  MATCHES",
            "cs_own,   payment,      paid,   1000, usd,  MATCHES",
            "cs_other, payment,      paid,   1000, USD,  OTHER_SESSION",
            "null,     payment,      paid,   1000, USD,  OTHER_SESSION",
            "cs_own,   subscription, paid,   1000, USD,  NOT_PAYMENT_MODE",
            "cs_own,   payment,      unpaid, 1000, USD,  NOT_PAID",
            "cs_own,   payment,      no_payment_required, 1000, USD, NOT_PAID",
            "cs_own,   payment,      paid,   999,  USD,  OTHER_AMOUNT",
            "cs_own,   payment,      paid,   null, USD,  OTHER_AMOUNT",
            "cs_own,   payment,      paid,   1000, EUR,  OTHER_CURRENCY",
            "cs_own,   payment,      paid,   1000, null, OTHER_CURRENCY" })
    void onlyTheTopUpsOwnPaidSessionForItsPriceMatches(String session, String mode, String paymentStatus, Long amount,
            String currency, CheckoutMatch expected) {
        CheckoutState state = new CheckoutState(session, mode, "complete", paymentStatus, TOP_UP.id().toString(),
                Map.of("top_up_id", TOP_UP.id().toString()), "cus_1", "pi_1", null, amount, currency);
        assertThat(CheckoutMatch.of(TOP_UP, state)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({ "cs_own", "cs_other" })
    void aTopUpWithoutItsCheckoutYetMatchesNoSession(String session) {
        TopUp unattached = new TopUp(TOP_UP.id(), TOP_UP.orgId(), "starter", TOP_UP.credits(), TOP_UP.price(),
                TopUpStatus.PENDING, null, null, 0, Instant.EPOCH, null);
        CheckoutState state = new CheckoutState(session, "payment", "complete", "paid", null, Map.of(), "cus_1", "pi_1",
                null, 1000L, "USD");
        assertThat(CheckoutMatch.of(unattached, state)).isEqualTo(CheckoutMatch.OTHER_SESSION);
    }
}
