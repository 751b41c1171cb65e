package com.getpaidx.orgs.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.account.internal.AppSignInResult.Linked;
import com.getpaidx.orgs.account.internal.AppSignInResult.Refusal;
import com.getpaidx.orgs.account.internal.AppSignInResult.Refused;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.EmailAddresses;
import com.getpaidx.orgs.shared.UserId;

/**
 * One local user per identity of the GetPaidX app, found by ({@code iss}, {@code sub}) alone. The first sign-in
 * provisions it; later ones take the app's current email and name. An email never links an identity to an
 * existing account: the app's word that someone owns an address (verified or not) must not hand them an account
 * that signs in here with a password.
 */
@Component
class AppAccounts {

    private static final Logger log = LoggerFactory.getLogger(AppAccounts.class);
    private static final int MAX_NAME = 100;

    private final JdbcIdentityRepository identities;
    private final JdbcUserRepository users;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AppAccounts(JdbcIdentityRepository identities, JdbcUserRepository users, TransactionTemplate transactions,
            Clock clock) {
        this.identities = identities;
        this.users = users;
        this.transactions = transactions;
        this.clock = clock;
    }

    AppSignInResult signIn(AppIdentity identity) {
        Optional<String> email = EmailAddresses.parse(identity.email());
        Optional<UserId> linked = identities.find(identity.issuer(), identity.subject());
        if (linked.isPresent()) {
            return new Linked(refreshed(linked.get(), identity, email));
        }
        if (email.isEmpty()) {
            return new Refused(Refusal.EMAIL_MISSING);
        }
        Instant now = clock.instant();
        UserId id = new UserId(UUID.randomUUID());
        String name = displayName(identity, email.get());
        Boolean created = transactions.execute(status -> {
            if (!identities.insertUser(id, email.get(), name, identity.emailVerified() ? now : null, now)) {
                return false;
            }
            identities.link(identity.issuer(), identity.subject(), id, now);
            return true;
        });
        if (Boolean.TRUE.equals(created)) {
            log.info("Account {} signed up with the GetPaidX app's identity (issuer {})", id, identity.issuer());
            return new Linked(new CurrentUser(id, email.get(), name));
        }
        // the address is taken: by this same person's first sign-in running at the same time, or by someone else
        return identities.find(identity.issuer(), identity.subject())
                .<AppSignInResult>map(user -> new Linked(current(user)))
                .orElseGet(() -> {
                    log.info("A first sign-in with the GetPaidX app's identity (issuer {}) was refused: its email belongs"
                            + " to an account here", identity.issuer());
                    return new Refused(Refusal.EMAIL_TAKEN);
                });
    }

    /** Outside a transaction: an address another user holds leaves this one's as it was, and the sign-in goes on. */
    private CurrentUser refreshed(UserId user, AppIdentity identity, Optional<String> email) {
        CurrentUser stored = current(user);
        String address = email.orElse(stored.email());
        try {
            identities.refresh(user, address, identity.emailVerified() && email.isPresent(),
                    displayName(identity, address), clock.instant());
        }
        catch (DuplicateKeyException e) {
            log.info("Account {} keeps its email: the GetPaidX app's new address belongs to another account", user);
        }
        return current(user);
    }

    private CurrentUser current(UserId user) {
        return users.findById(user).orElseThrow().asCurrentUser();
    }

    private static String displayName(AppIdentity identity, String email) {
        String name = identity.name() == null ? "" : identity.name().strip();
        if (name.isEmpty()) {
            name = email.substring(0, email.indexOf('@'));
        }
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
