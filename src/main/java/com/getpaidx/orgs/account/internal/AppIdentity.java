package com.getpaidx.orgs.account.internal;

import org.jspecify.annotations.Nullable;

/**
 * A person as the GetPaidX app vouches for them, from a verified JWT or ID token: who they are there
 * ({@code iss}, {@code sub}) and what the app says about them ({@code email}, {@code email_verified}, {@code name}).
 */
record AppIdentity(String issuer, String subject, @Nullable String email, boolean emailVerified,
        @Nullable String name) {
}
