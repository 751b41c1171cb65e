package com.getpaidx.orgs.billing;

/**
 * A subscription event arrived (or someone asked to sync) and the provider was asked for the subscription's
 * current state, before the transaction this is published in began. Listeners apply that state, not the
 * event's: an old or repeated event re-reads what is true now and so never rolls anything back.
 *
 * @param eventId the provider event that caused the look, or {@code sync:…} when a person asked for it
 * @param observation orders the looks: a higher number was taken before a later request to the provider,
 *        so its answer is at least as new. A listener ignores an observation older than the one it holds.
 */
public record SubscriptionChanged(String eventId, SubscriptionState subscription, long observation) {
}
