package com.getpaidx.orgs.account.internal;

import com.getpaidx.orgs.shared.CurrentUser;

/** What signing in with the GetPaidX app's identity gives: the linked local user, or a refusal with its reason. */
sealed interface AppSignInResult {

    record Linked(CurrentUser user) implements AppSignInResult {
    }

    record Refused(Refusal why) implements AppSignInResult {
    }

    enum Refusal {
        /** Not a token the GetPaidX app signed for this service now (signature, key, issuer, audience or time). */
        TOKEN_INVALID("The bearer token is unknown, expired or revoked."),
        /** The first sign-in carries no usable email, and a local user needs one. */
        EMAIL_MISSING("The GetPaidX account has no usable email address, which a first sign-in here needs."),
        /** The first sign-in's email belongs to a local account already; linking by email is never done. */
        EMAIL_TAKEN("This GetPaidX account's email already belongs to an account here that signs in with a password. "
                + "Sign in with that account instead.");

        private final String detail;

        Refusal(String detail) {
            this.detail = detail;
        }

        String detail() {
            return detail;
        }
    }
}
