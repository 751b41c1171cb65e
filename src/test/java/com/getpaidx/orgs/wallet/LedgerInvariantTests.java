package com.getpaidx.orgs.wallet;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.getpaidx.orgs.shared.Credits;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.wallet.internal.Ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Random sequences of grants, partial refunds, redeliveries and spending: after every step the
 * cached balance equals the sum of the entries and is never negative. Seeded, so a failure replays.
 */
@IntegrationTest
class LedgerInvariantTests {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired Ledger ledger;
    @Autowired TransactionTemplate transactions;

    record Paid(String topUpId, String session, long priceMinor, long[] refunded) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 7, 42 })
    void balanceIsAlwaysTheSumOfEntriesAndNeverNegative(long seed) {
        Random random = new Random(seed);
        Api.User owner = api.newUser("ledger");
        UUID org = api.newOrg(owner);
        List<Paid> paid = new ArrayList<>();
        String[] packages = { "starter", "team", "scale" };
        long[] prices = { 1000, 4500, 16000 };

        for (int step = 0; step < 30; step++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    int p = random.nextInt(3);
                    Api.Response topUp = api.post("/api/v1/orgs/" + org + "/wallet/topups", owner.token(),
                            Map.of("packageId", packages[p]));
                    String path = URI.create(topUp.text("checkoutUrl")).getPath();
                    String session = path.substring(path.lastIndexOf('/') + 1);
                    api.post("/sandbox/api/checkout-sessions/" + session + "/complete", null, null);
                    paid.add(new Paid(topUp.text("id"), session, prices[p], new long[] { 0 }));
                }
                case 1 -> {
                    if (paid.isEmpty()) {
                        continue;
                    }
                    Paid target = paid.get(random.nextInt(paid.size()));
                    long more = 1 + random.nextLong(Math.max(1, target.priceMinor() - target.refunded()[0]));
                    if (target.refunded()[0] + more <= target.priceMinor()) {
                        api.post("/sandbox/api/charges/refund", null, Map.of("topUpId", target.topUpId(), "amountMinor", more));
                        target.refunded()[0] += more;
                    }
                }
                case 2 -> {
                    if (!paid.isEmpty()) { // the provider says "paid" again: nothing changes
                        Paid target = paid.get(random.nextInt(paid.size()));
                        api.post("/sandbox/api/checkout-sessions/" + target.session() + "/complete", null, null);
                    }
                }
                default -> spend(new OrgId(org), Credits.parse(random.nextInt(3000) + "." + random.nextInt(1_000_000)));
            }
            long cached = jdbc.sql("SELECT balance FROM wallet WHERE org_id = :org").param("org", org).query(Long.class).single();
            long sum = jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM wallet_entry WHERE org_id = :org").param("org", org)
                    .query(Long.class).single();
            assertThat(cached).as("seed %d step %d", seed, step).isEqualTo(sum).isNotNegative();
        }
    }

    private void spend(OrgId org, Credits amount) {
        if (amount.micros() == 0) {
            return;
        }
        long before = jdbc.sql("SELECT balance FROM wallet WHERE org_id = :org").param("org", org.value()).query(Long.class).single();
        Runnable debit = () -> transactions.executeWithoutResult(tx -> ledger.apply(org, EntryType.ADJUSTMENT, amount.negate(),
                "spend:" + UUID.randomUUID(), "test"));
        if (amount.micros() > before) {
            assertThatThrownBy(debit::run).isInstanceOf(InsufficientBalance.class);
        }
        else {
            debit.run();
        }
    }
}
