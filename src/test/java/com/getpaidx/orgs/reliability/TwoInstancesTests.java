package com.getpaidx.orgs.reliability;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.getpaidx.orgs.support.ServiceProcess;
import com.getpaidx.orgs.support.TestMailServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service instances on one PostgreSQL (the second pointed at the first's embedded one with
 * {@code spring.datasource.url}, as {@code SPRING_DATASOURCE_URL} does), both sending mail to one GreenMail:
 * the bank test split across them keeps every invariant, every invitation mail goes out once, and every
 * payment event is applied once (the bank's top-up check: one grant per paid top-up).
 */
@Execution(ExecutionMode.CONCURRENT) // its own processes: runs beside the shared context (junit-platform.properties)
class TwoInstancesTests {

    private static final String TOKEN = "two-instances-service-token-" + UUID.randomUUID();
    private static final Pattern VERIFY = Pattern.compile("/settings/account/verify\\?token=([A-Za-z0-9_-]+)");

    @Test
    void theBankTestSplitAcrossTwoInstancesKeepsEveryInvariantAndSendsEachMailOnce() throws Exception {
        int smtp;
        try (ServerSocket free = new ServerSocket(0)) {
            smtp = free.getLocalPort();
        }
        TestMailServer mail = new TestMailServer(smtp);
        mail.start();
        String[] mailSettings = { "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp,
                "--getpaidx.mail.poll-interval=100ms", "--getpaidx.mail.retry-base=200ms" };
        try (ServiceProcess first = ServiceProcess.start(TOKEN, mailSettings);
                ServiceProcess second = ServiceProcess.start(TOKEN, concat(mailSettings, "--spring.datasource.url=" + first.jdbcUrl(),
                        "--spring.datasource.username=postgres", "--spring.datasource.password=" + first.databasePassword()))) {
            assertThat(second.stdout()).as("the second instance starts no PostgreSQL of its own")
                    .noneMatch(line -> line.contains("Embedded PostgreSQL on"));
            List<Client> clients = List.of(client(first, mail), client(second, mail));
            Bank.Outcome outcome = Bank.fromProperties(clients, () -> connect(first)).run();
            System.out.println(outcome.result());
            assertThat(outcome.violations()).as(outcome.result()).isEmpty();
            assertThat(outcome.lost()).isZero();

            Map<String, Integer> invited = invitationsByEmail(first);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mailsByEmail(mail, invited.keySet()))
                    .as("one invitation mail per invitation").isEqualTo(invited));
        }
        finally {
            mail.stop();
        }
    }

    private static Client client(ServiceProcess service, TestMailServer mail) {
        return new Client(service.baseUrl(), TOKEN, Duration.ofSeconds(20), user -> {
            String text = await().atMost(Duration.ofSeconds(30)).until(() -> mail.confirmationsTo(user.email()), m -> !m.isEmpty())
                    .stream().map(TestMailServer::text).reduce((a, b) -> b).orElseThrow();
            Matcher link = VERIFY.matcher(text);
            assertThat(link.find()).as("confirmation link for " + user.email()).isTrue();
            Client plain = new Client(service.baseUrl(), TOKEN, Duration.ofSeconds(20));
            plain.expect(plain.post("/api/v1/me/email-verification/confirm", user.token(), Map.of("token", link.group(1))),
                    "email confirmation");
        });
    }

    private static Connection connect(ServiceProcess service) throws Exception {
        return DriverManager.getConnection(service.jdbcUrl(), "postgres", service.databasePassword());
    }

    private static Map<String, Integer> invitationsByEmail(ServiceProcess service) throws Exception {
        Map<String, Integer> invited = new HashMap<>();
        try (Connection db = connect(service); PreparedStatement query = db.prepareStatement(
                "SELECT email, count(*) FROM invitation WHERE email LIKE 'bank-member-%' GROUP BY email");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                invited.put(rows.getString(1), rows.getInt(2));
            }
        }
        return invited;
    }

    private static Map<String, Integer> mailsByEmail(TestMailServer mail, Iterable<String> emails) {
        Map<String, Integer> sent = new HashMap<>();
        emails.forEach(email -> sent.put(email, mail.messagesTo(email).size()));
        return sent;
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
