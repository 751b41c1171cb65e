package com.getpaidx.orgs.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.account.internal.JdbcEmailVerificationRepository;
import com.getpaidx.orgs.account.internal.JdbcUserRepository;
import com.getpaidx.orgs.account.internal.VerificationMail;
import com.getpaidx.orgs.mail.EmailDelivery;
import com.getpaidx.orgs.mail.MailOutbox;
import com.getpaidx.orgs.shared.GetPaidXProperties;
import com.getpaidx.orgs.shared.SecretTokens;
import com.getpaidx.orgs.shared.UserId;

/**
 * Proof that an account's owner reads its address: a single-use link (its SHA-256 stored), sent through
 * the outbox on sign-up and on request. Without a mail server nothing can be proven here, and an account
 * counts as verified, as before there was any proof, unless the GetPaidX app, which signs it in, did not say so.
 */
@Service
public class EmailVerification {

    static final String VERIFY_PATH = "/settings/account/verify";
    private static final Logger log = LoggerFactory.getLogger(EmailVerification.class);

    private final JdbcEmailVerificationRepository verifications;
    private final JdbcUserRepository users;
    private final MailOutbox mail;
    private final AccountProperties properties;
    private final GetPaidXProperties service;
    private final Clock clock;

    EmailVerification(JdbcEmailVerificationRepository verifications, JdbcUserRepository users, MailOutbox mail,
            AccountProperties properties, GetPaidXProperties service, Clock clock) {
        this.verifications = verifications;
        this.users = users;
        this.mail = mail;
        this.properties = properties;
        this.service = service;
        this.clock = clock;
    }

    /**
     * Verified, or no mail server to verify with; but the address of a user of the GetPaidX app is the app's to
     * vouch for: when the app did not say it is verified, it is not, mail server or none.
     */
    @Transactional(readOnly = true)
    public boolean isVerified(UserId user) {
        return standing(user).verified();
    }

    /** The account's address now and whether it counts as verified, from one read (a session's may be older). */
    @Transactional(readOnly = true)
    public AddressStanding standing(UserId user) {
        return standing(verifications.proof(user).orElseThrow(() -> new IllegalStateException("No account " + user)),
                mail.configured());
    }

    static AddressStanding standing(JdbcEmailVerificationRepository.Proof proof, boolean mailConfigured) {
        return new AddressStanding(proof.email(), counts(mailConfigured, proof.verifiedAt(), proof.fromApp()),
                mailConfigured);
    }

    static boolean counts(boolean mailConfigured, Optional<Instant> verifiedAt, boolean fromApp) {
        return verifiedAt.isPresent() || (!mailConfigured && !fromApp);
    }

    /** Sends a fresh link (the earlier ones stop working); refused once the address is verified. */
    @Transactional
    public EmailDelivery resend(UserId user) {
        if (isVerified(user)) {
            throw new EmailAlreadyVerified();
        }
        return sendLink(user);
    }

    /** In the caller's transaction (sign-up): the link is queued with the account, or not at all. */
    @Transactional(propagation = Propagation.MANDATORY)
    EmailDelivery sendLink(UserId user) {
        if (!mail.configured()) {
            return EmailDelivery.NOT_CONFIGURED;
        }
        JdbcUserRepository.StoredUser account = users.findById(user).orElseThrow();
        String token = SecretTokens.generate();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.emailVerificationTtl());
        verifications.replace(user, account.email(), SecretTokens.sha256(token), now, expiresAt);
        String link = service.link(VERIFY_PATH + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        log.info("Email verification link for account {} queued", user);
        return mail.enqueue(VerificationMail.compose(account.email(), account.displayName(), link, expiresAt));
    }

    /** Uses the caller's link once; {@link VerificationLinkInvalid} for any other link, or a used or expired one. */
    @Transactional
    public void verify(UserId user, String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new VerificationLinkInvalid();
        }
        if (!verifications.use(user, SecretTokens.sha256(token.trim()), clock.instant())) {
            throw new VerificationLinkInvalid();
        }
        log.info("Account {} verified its email address", user);
    }
}
