package com.getpaidx.orgs.seat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param priceId {@code GETPAIDX_SEAT_PRICE_ID}: the recurring Stripe price of one seat; the sandbox needs none
 * @param pastDueGrace whether a {@code past_due} subscription still pays for its seats while Stripe retries
 *        the payment
 */
@ConfigurationProperties("getpaidx.seats")
public record SeatProperties(String priceId, @DefaultValue("true") boolean pastDueGrace) {
}
