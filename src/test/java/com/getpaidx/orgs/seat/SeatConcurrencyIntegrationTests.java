package com.getpaidx.orgs.seat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Seats are never over-assigned, however many billing managers press "Assign" at once. */
@IntegrationTest
class SeatConcurrencyIntegrationTests {

    private static final int MEMBERS = 20;

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;

    private record Crowd(UUID org, Api.User owner, Api.User billingAdmin, List<Api.User> members) {
    }

    private Crowd crowd() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        Api.User billingAdmin = fixtures.newMember(org, owner, Role.BILLING_ADMIN);
        List<Api.User> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            members.add(fixtures.newMember(org, owner, Role.MEMBER));
        }
        return new Crowd(org, owner, billingAdmin, members);
    }

    /** Runs every call at once (released together by a latch) and returns the answers in the calls' order. */
    private static <T> List<T> atOnce(List<Supplier<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<T>> running = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
            for (Supplier<T> call : calls) {
                running.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    }
                    catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return call.get();
                }, pool));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (CompletableFuture<T> call : running) {
                answers.add(call.get());
            }
            return answers;
        }
    }

    private long activeIn(UUID org) {
        return jdbc.sql("SELECT count(*) FROM seat_assignment WHERE org_id = :org AND status = 'active'")
                .param("org", org).query(Long.class).single();
    }

    @Test
    void twentyParallelAssignsWithFiveSeatsGiveExactlyFive() throws Exception {
        Crowd crowd = crowd();
        SeatPurchases purchases = new SeatPurchases(api);
        purchases.buy(crowd.org(), crowd.owner(), 5);
        List<Supplier<Api.Response>> assigns = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Api.User by = i % 2 == 0 ? crowd.owner() : crowd.billingAdmin();
            Api.User member = crowd.members().get(i);
            assigns.add(() -> purchases.assign(crowd.org(), by, member));
        }

        List<Api.Response> answers = atOnce(assigns);

        assertThat(answers.stream().filter(answer -> answer.status() == 200)).hasSize(5);
        assertThat(answers.stream().filter(answer -> answer.status() != 200))
                .hasSize(MEMBERS - 5)
                .allSatisfy(answer -> {
                    assertThat(answer.status()).isEqualTo(409);
                    assertThat(answer.code()).isEqualTo("no_seat_available");
                });
        JsonNode seats = purchases.seats(crowd.org(), crowd.owner());
        assertThat(seats.get("assigned").asInt()).isEqualTo(5);
        assertThat(seats.get("available").asInt()).isZero();
        assertThat(activeIn(crowd.org())).isEqualTo(5);
        List<Api.User> winners = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            if (answers.get(i).status() == 200) {
                winners.add(crowd.members().get(i));
            }
        }
        assertThat(crowd.members()).filteredOn(purchases::pro).containsExactlyInAnyOrderElementsOf(winners);
    }

    @Test
    void assignsRacingAShrinkingSubscriptionNeverLeaveMoreActiveThanPaid() throws Exception {
        Crowd crowd = crowd();
        SeatPurchases purchases = new SeatPurchases(api);
        String subscription = purchases.buy(crowd.org(), crowd.owner(), 8);
        List<Supplier<Api.Response>> calls = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Api.User member = crowd.members().get(i);
            calls.add(() -> purchases.assign(crowd.org(), crowd.owner(), member));
            if (i == MEMBERS / 2) {
                calls.add(() -> purchases.change(subscription, Map.of("quantity", 3)));
            }
        }

        List<Api.Response> answers = atOnce(calls);

        long granted = answers.stream().filter(answer -> answer.body() != null && answer.body().has("assignedAt")).count();
        JsonNode seats = purchases.seats(crowd.org(), crowd.owner());
        assertThat(seats.get("paid").asInt()).isEqualTo(3);
        assertThat(seats.get("assigned").asInt()).isEqualTo((int) Math.min(3, granted));
        assertThat(seats.get("assigned").asInt() + seats.get("suspended").asInt()).isEqualTo((int) granted);
        assertThat(granted).isBetween(3L, 8L);
        assertThat(activeIn(crowd.org())).isEqualTo(Math.min(3, granted));
    }
}
