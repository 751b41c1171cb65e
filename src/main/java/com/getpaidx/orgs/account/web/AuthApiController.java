package com.getpaidx.orgs.account.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.account.AccountManagement;
import com.getpaidx.orgs.account.EmailVerification;
import com.getpaidx.orgs.account.IssuedToken;
import com.getpaidx.orgs.account.internal.UserTokenAuthentication;
import com.getpaidx.orgs.mail.EmailDelivery;
import com.getpaidx.orgs.shared.ApiScope;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.Forbidden;

@RestController
@RequestMapping("/api/v1")
class AuthApiController {

    record SignUpRequest(@NotNull String email, @NotNull String password, @NotNull String displayName) {

        /** Spring MVC logs bodies at DEBUG: the secret stays out. */
        @Override
        public String toString() {
            return "SignUpRequest[email=" + email + ", password=(hidden), displayName=" + displayName + "]";
        }
    }

    record SignUpResponse(UUID userId) {
    }

    /** @param scopes what the token may do; left out: every scope */
    record TokenRequest(@NotNull String email, @NotNull String password, @Nullable List<@NotNull ApiScope> scopes) {

        /** Spring MVC logs bodies at DEBUG: the secret stays out. */
        @Override
        public String toString() {
            return "TokenRequest[email=" + email + ", password=(hidden), scopes=" + scopes + "]";
        }
    }

    record TokenResponse(String token, Instant expiresAt, List<ApiScope> scopes) {

        /** Spring MVC logs bodies at DEBUG: the secret stays out. */
        @Override
        public String toString() {
            return "TokenResponse[token=(hidden), expiresAt=" + expiresAt + ", scopes=" + scopes + "]";
        }
    }

    record MeResponse(UUID userId, String email, String displayName, boolean emailVerified) {
    }

    record VerificationSent(EmailDelivery emailDelivery) {
    }

    record ConfirmRequest(@NotNull String token) {

        /** Spring MVC logs bodies at DEBUG: the secret stays out. */
        @Override
        public String toString() {
            return "ConfirmRequest[token=(hidden)]";
        }
    }

    record Confirmed(boolean emailVerified) {
    }

    private final AccountManagement accounts;
    private final EmailVerification verification;

    AuthApiController(AccountManagement accounts, EmailVerification verification) {
        this.accounts = accounts;
        this.verification = verification;
    }

    @PostMapping("/auth/signup")
    @ResponseStatus(HttpStatus.CREATED)
    SignUpResponse signUp(@Valid @RequestBody SignUpRequest request) {
        return new SignUpResponse(accounts.signUp(request.email(), request.password(), request.displayName()).value());
    }

    @PostMapping("/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse issueToken(@Valid @RequestBody TokenRequest request) {
        IssuedToken token = accounts.issueToken(request.email(), request.password(), request.scopes());
        return new TokenResponse(token.token(), token.expiresAt(), List.copyOf(token.scopes()));
    }

    @DeleteMapping("/auth/tokens/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeCurrentToken(Authentication authentication) {
        if (!(authentication instanceof UserTokenAuthentication token)) {
            throw new Forbidden(); // the GetPaidX app's JWTs end where the app says, not here
        }
        accounts.revokeToken(token.tokenId());
    }

    @GetMapping("/me")
    MeResponse me(CurrentUser user) {
        return new MeResponse(user.id().value(), user.email(), user.displayName(), verification.isVerified(user.id()));
    }

    /** A fresh verification link to the caller's address; the earlier ones stop working. */
    @PostMapping("/me/email-verification")
    @ResponseStatus(HttpStatus.ACCEPTED)
    VerificationSent resendVerification(CurrentUser user) {
        return new VerificationSent(verification.resend(user.id()));
    }

    /** The token of the link in the mail, for clients that do not open the page. */
    @PostMapping("/me/email-verification/confirm")
    Confirmed confirmVerification(CurrentUser user, @Valid @RequestBody ConfirmRequest request) {
        verification.verify(user.id(), request.token());
        return new Confirmed(true);
    }
}
