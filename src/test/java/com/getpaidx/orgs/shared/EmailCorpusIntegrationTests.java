package com.getpaidx.orgs.shared;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.mail.MailOutbox;
import com.getpaidx.orgs.mail.OutgoingMail;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/** The door (sign-up, invitations), the outbox and the database read every tricky address alike. */
@IntegrationTest
class EmailCorpusIntegrationTests {

    @Autowired Api api;
    @Autowired TestMailServer mail;
    @Autowired MailOutbox outbox;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;

    private Api.Response invite(UUID org, Api.User owner, String email) {
        return api.post("/api/v1/orgs/" + org + "/invitations", owner.token(), Map.of("email", email, "role", "member"));
    }

    @Test
    void everyAddressTheDoorAcceptsIsDeliveredToThatAddress() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        for (String email : EmailCorpus.ACCEPTED) {
            Api.Response invited = invite(org, owner, email);
            assertThat(invited.status()).as(email).isEqualTo(201);
            assertThat(invited.text("email")).isEqualTo(email.strip());
            assertThat(invited.text("emailDelivery")).isEqualTo("queued");
        }
        for (String email : EmailCorpus.ACCEPTED) {
            assertThat(mail.awaitMessagesTo(email.strip(), 1)).as(email).hasSize(1);
        }
    }

    @Test
    void everyAddressTheDoorRefusesTheOutboxRefusesToo() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        assertSoftly(soft -> {
            for (String email : EmailCorpus.REFUSED) {
                Api.Response invited = invite(org, owner, email);
                soft.assertThat(invited.status()).as("invite " + email).isEqualTo(400);
                soft.assertThat(invited.code()).as("invite " + email).isEqualTo("validation_failed");
                Api.Response signedUp = api.post("/api/v1/auth/signup", null,
                        Map.of("email", email, "password", Api.PASSWORD, "displayName", "Tricky"));
                soft.assertThat(signedUp.status()).as("sign-up " + email).isEqualTo(400);
                soft.assertThatThrownBy(() -> transactions.executeWithoutResult(
                        status -> outbox.enqueue(new OutgoingMail(email, "Hello", "text", "<p>html</p>"))))
                        .as("outbox " + email).isInstanceOf(InvalidInput.class);
            }
        });
    }

    @Test
    void theJavaKeyIsWhatTheDatabaseLowerCaseGives() {
        for (String email : EmailCorpus.ACCEPTED) {
            String parsed = EmailAddresses.requireValid("email", email);
            String lower = jdbc.sql("SELECT lower(:email)").param("email", parsed).query(String.class).single();
            assertThat(lower).as(email).isEqualTo(EmailAddresses.key(email));
        }
    }

    @Test
    void aSignUpThatIsAcceptedCanSignInWhateverTheCase() {
        String email = "O'Brien+" + UUID.randomUUID().toString().substring(0, 8) + "@Example.COM";
        assertThat(api.post("/api/v1/auth/signup", null,
                Map.of("email", "  " + email + " ", "password", Api.PASSWORD, "displayName", "Tricky")).status()).isEqualTo(201);
        Api.Response token = api.post("/api/v1/auth/tokens", null, Map.of("email", email.toLowerCase(), "password", Api.PASSWORD));
        assertThat(token.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/me", token.text("token")).text("email")).isEqualTo(email);
        assertThatThrownBy(() -> EmailAddresses.requireValid("email", email + ".")).isInstanceOf(InvalidInput.class);
    }
}
