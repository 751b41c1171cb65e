package com.getpaidx.orgs.account;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.account.internal.JdbcTokenRepository;
import com.getpaidx.orgs.account.internal.JdbcUserRepository;
import com.getpaidx.orgs.account.internal.LoginThrottle;
import com.getpaidx.orgs.account.internal.SignUpRules;
import com.getpaidx.orgs.shared.ApiScope;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.SecretTokens;
import com.getpaidx.orgs.shared.UserId;

/**
 * Accounts as the rest of the service sees them: sign up, sign in, tokens, and who a user is.
 */
@Service
public class AccountManagement {

    private static final Logger log = LoggerFactory.getLogger(AccountManagement.class);

    private final JdbcUserRepository users;
    private final JdbcTokenRepository tokens;
    private final LoginThrottle throttle;
    private final EmailVerification verification;
    private final PasswordEncoder passwords;
    private final AccountProperties properties;
    private final Clock clock;
    /** Compared against when the email is unknown, so both failures take as long as each other. */
    private final String decoyHash;

    AccountManagement(JdbcUserRepository users, JdbcTokenRepository tokens, LoginThrottle throttle,
            EmailVerification verification, PasswordEncoder passwords, AccountProperties properties, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.throttle = throttle;
        this.verification = verification;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-never-used");
    }

    /** With mail configured, a verification link goes out with the new account. */
    @Transactional
    public UserId signUp(String email, String password, String displayName) {
        String address = SignUpRules.email(email);
        String name = SignUpRules.displayName(displayName);
        SignUpRules.password(password);
        UserId id = new UserId(UUID.randomUUID());
        if (!users.insert(id, address, name, passwords.encode(password), clock.instant())) {
            throw new EmailTaken();
        }
        log.info("Account {} signed up", id);
        verification.sendLink(id);
        return id;
    }

    /**
     * Checks a password, refusing an email with too many recent attempts even when the password is
     * right. The attempt is reserved before bcrypt runs and stays counted unless it succeeds.
     */
    public CurrentUser authenticate(String email, String password) {
        String address = email == null ? "" : email.trim();
        if (!throttle.reserve(address)) {
            throw new TooManyAttempts();
        }
        Optional<JdbcUserRepository.StoredUser> user = users.findByEmail(address);
        // an account that signs in with the GetPaidX app has no password here: it never matches, not even the decoy's
        String stored = user.map(JdbcUserRepository.StoredUser::passwordHash).orElse(null);
        boolean matches = password != null && passwords.matches(password, stored == null ? decoyHash : stored);
        if (stored == null || !matches) {
            throw new InvalidCredentials();
        }
        throttle.clear(address);
        return user.get().asCurrentUser();
    }

    /**
     * Not one transaction: a failed attempt must stay counted when the request fails. Without {@code scopes} the
     * token has all of them; an empty set is refused (such a token could do nothing).
     */
    public IssuedToken issueToken(String email, String password, @Nullable Collection<ApiScope> scopes) {
        if (scopes != null && scopes.isEmpty()) {
            throw new InvalidInput("scopes", "must name at least one scope, or be left out for all of them");
        }
        Set<ApiScope> granted = scopes == null ? ApiScope.all() : EnumSet.copyOf(scopes);
        CurrentUser user = authenticate(email, password);
        String token = SecretTokens.generate();
        var now = clock.instant();
        var expiresAt = now.plus(properties.tokenTtl());
        tokens.insert(UUID.randomUUID(), user.id(), SecretTokens.sha256(token), granted, now, expiresAt);
        return new IssuedToken(token, expiresAt, granted);
    }

    @Transactional
    public void revokeToken(UUID tokenId) {
        tokens.revoke(tokenId, clock.instant());
    }

    /** The user's working tokens, newest first; never their secrets. */
    @Transactional(readOnly = true)
    public List<ApiToken> tokens(UserId user) {
        return tokens.activeOf(user, clock.instant());
    }

    /** Revokes one of the user's own tokens; another user's token id is as unknown as a made-up one. */
    @Transactional
    public void revokeToken(UserId user, UUID tokenId) {
        if (!tokens.revokeOwn(user, tokenId, clock.instant())) {
            throw new TokenNotFound();
        }
        log.info("Token {} of {} revoked", tokenId, user);
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> find(UserId id) {
        return users.findById(id).map(JdbcUserRepository.StoredUser::asSummary);
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findByEmail(String email) {
        return users.findByEmail(email == null ? "" : email.trim()).map(JdbcUserRepository.StoredUser::asSummary);
    }

    @Transactional(readOnly = true)
    public Map<UserId, UserSummary> summaries(Collection<UserId> ids) {
        return users.summaries(ids);
    }
}
