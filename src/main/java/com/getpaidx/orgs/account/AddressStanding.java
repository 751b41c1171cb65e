package com.getpaidx.orgs.account;

/**
 * An account's email address as it is now (a sign-in's session may carry an older one), read in one statement.
 *
 * @param verified it counts as verified ({@link EmailVerification#isVerified})
 * @param linkCanBeSent this service can mail a confirmation link (a mail server is set); without one, an address
 *        the GetPaidX app did not verify can only be confirmed there
 */
public record AddressStanding(String email, boolean verified, boolean linkCanBeSent) {
}
