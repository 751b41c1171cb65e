package com.getpaidx.orgs.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.account.AccountManagement;
import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

import static org.awaitility.Awaitility.await;

/**
 * State that the public API cannot build yet (members join through invitations, a later module) is
 * built through the facades those modules will call.
 */
public class Fixtures {

    private static final Pattern VERIFY_LINK = Pattern.compile("https?://\\S+/settings/account/verify\\?token=([A-Za-z0-9_-]+)");

    private final Api api;
    private final MembershipManagement memberships;
    private final TestMailServer mail;
    private final AccountManagement accounts;
    private final TransactionTemplate transactions;

    Fixtures(Api api, MembershipManagement memberships, TestMailServer mail, AccountManagement accounts,
            TransactionTemplate transactions) {
        this.api = api;
        this.memberships = memberships;
        this.mail = mail;
        this.accounts = accounts;
        this.transactions = transactions;
    }

    /**
     * Confirms the user's address the way its owner would: the link of the newest confirmation mail in
     * GreenMail, its token posted to the API (the page behind the link posts the same token; the browser
     * test goes through the page itself).
     */
    public void verifyEmail(Api.User user) {
        Api.Response confirmed = api.post("/api/v1/me/email-verification/confirm", user.token(),
                Map.of("token", verificationToken(user.email(), 1)));
        if (confirmed.status() != 200) {
            throw new IllegalStateException("verification failed: " + confirmed);
        }
    }

    /** The newest confirmation link sent to {@code email}, once at least {@code count} were sent. */
    public String verificationLink(String email, int count) {
        List<MimeMessage> links = await().atMost(Duration.ofSeconds(15))
                .until(() -> mail.confirmationsTo(email), found -> found.size() >= count);
        Matcher link = VERIFY_LINK.matcher(TestMailServer.text(links.getLast()));
        if (!link.find()) {
            throw new IllegalStateException("no confirmation link in the mail to " + email);
        }
        return link.group();
    }

    public String verificationToken(String email, int count) {
        Matcher link = VERIFY_LINK.matcher(verificationLink(email, count));
        link.find();
        return link.group(1);
    }

    /** An org with one user in each role, and an outsider. */
    public record Roster(UUID org, Api.User owner, Api.User admin, Api.User billingAdmin, Api.User member,
            Api.User outsider) {

        public Api.User as(String role) {
            return switch (role) {
                case "owner" -> owner;
                case "admin" -> admin;
                case "billing_admin" -> billingAdmin;
                case "member" -> member;
                case "non_member" -> outsider;
                case "anonymous" -> null;
                default -> throw new IllegalArgumentException(role);
            };
        }
    }

    public void addMember(UUID org, Api.User owner, Api.User user, Role role) {
        if (!memberships.join(new OrgId(org), new UserId(user.id()), role, new UserId(owner.id()))) {
            throw new IllegalStateException(user.email() + " already is a member");
        }
    }

    public Api.User newMember(UUID org, Api.User owner, Role role) {
        Api.User user = api.newUser(role.json());
        addMember(org, owner, user, role);
        return user;
    }

    /**
     * {@code count} new accounts joined to the org in one transaction, through the same facades as
     * {@link #newMember} (a few hundred take well under a second). They have no API token.
     */
    public List<Api.User> manyMembers(UUID org, Api.User owner, int count, Role role) {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        return transactions.execute(tx -> {
            List<Api.User> users = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String email = role.json() + "-" + batch + "-" + i + "@example.com";
                UserId id = accounts.signUp(email, Api.PASSWORD, role.json() + " " + batch + " " + i);
                memberships.join(new OrgId(org), id, role, new UserId(owner.id()));
                users.add(new Api.User(id.value(), email, null));
            }
            return users;
        });
    }

    public Roster roster() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        return new Roster(org, owner, newMember(org, owner, Role.ADMIN), newMember(org, owner, Role.BILLING_ADMIN),
                newMember(org, owner, Role.MEMBER), api.newUser("outsider"));
    }
}
