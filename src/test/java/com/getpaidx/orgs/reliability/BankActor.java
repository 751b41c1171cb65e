package com.getpaidx.orgs.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

/**
 * One client of a bank run: mostly usage (single and in batches, resent after a timeout, replayed after an
 * acknowledgement), and beside it what billing managers and members do: top-ups with duplicate webhooks and
 * partial refunds, spend-policy flips, member removal and return, workspace re-binding, seat quantity changes.
 * Every answer goes into the {@link BankBook}; an answer the design forbids is a violation.
 */
final class BankActor {

    private final List<Client> clients;
    private final Client impatient;
    private final List<BankOrg> orgs;
    private final BankBook book;
    private final int batchSize;
    private int turn;

    BankActor(List<Client> clients, Client impatient, List<BankOrg> orgs, BankBook book, int batchSize) {
        this.clients = clients;
        this.impatient = impatient;
        this.orgs = orgs;
        this.book = book;
        this.batchSize = batchSize;
    }

    private Client client() {
        return clients.get(turn++ % clients.size());
    }

    /** One step: an operation chosen by weight on a random org. */
    void step() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        BankOrg org = orgs.get(random.nextInt(orgs.size()));
        int dice = random.nextInt(1000);
        if (dice < 500) {
            single(org, random.nextInt(50) == 0);
        }
        else if (dice < 900) {
            batch(org);
        }
        else if (dice < 930) {
            replayAcknowledged(org);
        }
        else {
            synchronized (org) {
                change(org, dice);
            }
        }
    }

    /** Usage only (single, hasty and batched), for loads where the roster must stay put. */
    void usageStep() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        BankOrg org = orgs.get(random.nextInt(orgs.size()));
        if (random.nextBoolean()) {
            single(org, random.nextInt(20) == 0);
        }
        else {
            batch(org);
        }
    }

    private void change(BankOrg org, int dice) {
        if (dice < 945) {
            topUp(org);
        }
        else if (dice < 960) {
            flipPolicy(org);
        }
        else if (dice < 970) {
            removeOrReturnMember(org);
        }
        else if (dice < 985) {
            rebind(org);
        }
        else {
            changeSeats(org);
        }
        book.operations.incrementAndGet();
    }

    Map<String, Object> event(BankOrg org) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        BankOrg.Workspace workspace = org.workspaces.get(random.nextInt(org.workspaces.size()));
        Map<String, Object> body = new HashMap<>();
        body.put("eventId", "bank-" + UUID.randomUUID());
        body.put("workspaceId", workspace.id());
        body.put("userId", workspace.owner().id().toString());
        body.put("credits", random.nextInt(20) == 0 ? "1.5" : "0.0" + (1 + random.nextInt(999)));
        body.put("kind", "completion");
        body.put("model", "bank-model");
        body.put("occurredAt", Instant.now().toString());
        return body;
    }

    /** With {@code hasty}, sent first with a 2 ms timeout (mostly no answer), then resent with the same body. */
    private void single(BankOrg org, boolean hasty) {
        Map<String, Object> body = event(org);
        if (hasty) {
            send(impatient, body);
        }
        send(client(), body);
    }

    private void send(Client client, Map<String, Object> body) {
        Client.Answer answer = client.post("/api/v1/usage-events", client.serviceToken(), body);
        book.operations.incrementAndGet();
        book.usage(body, answer.status(), answer.code(), answer.replayed());
    }

    private void batch(BankOrg org) {
        List<Map<String, Object>> events = new ArrayList<>();
        int size = 1 + ThreadLocalRandom.current().nextInt(batchSize);
        for (int i = 0; i < size; i++) {
            events.add(event(ThreadLocalRandom.current().nextInt(4) == 0 ? orgs.get(ThreadLocalRandom.current().nextInt(orgs.size())) : org));
        }
        sendBatch(client(), events);
    }

    void sendBatch(Client client, List<Map<String, Object>> events) {
        Client.Answer answer = client.post("/api/v1/usage-events/batch", client.serviceToken(), Map.of("events", events));
        book.operations.addAndGet(events.size());
        if (answer.status() != 200) {
            events.forEach(body -> book.usage(body, answer.status(), answer.code(), false));
            return;
        }
        JsonNode results = answer.body().get("results");
        for (int i = 0; i < events.size(); i++) {
            JsonNode result = results.get(i);
            if (!events.get(i).get("eventId").equals(result.get("eventId").asString())) {
                book.violation("batch result " + i + " names " + result.get("eventId"));
            }
            book.batched(events.get(i), result.get("status").asString(),
                    result.get("code") == null || result.get("code").isNull() ? null : result.get("code").asString());
        }
    }

    /** Resends what got no answer; true when nothing is left unknown. */
    boolean resendUnknown(int limit) {
        int sent = 0;
        for (Map<String, Object> body : List.copyOf(book.unknown.values())) {
            if (sent++ >= limit) {
                return false;
            }
            send(client(), body);
        }
        return book.unknown.isEmpty();
    }

    /** The same event again after it was acknowledged: 200, Idempotent-Replayed, nothing charged again. */
    private void replayAcknowledged(BankOrg org) {
        Map<String, Object> body = event(org);
        Client client = client();
        Client.Answer first = client.post("/api/v1/usage-events", client.serviceToken(), body);
        book.usage(body, first.status(), first.code(), first.replayed());
        if (first.status() == 201) {
            Client.Answer again = client().post("/api/v1/usage-events", client.serviceToken(), body);
            if (again.status() != 200 || !again.replayed()
                    || !again.text("balanceAfter").equals(first.text("balanceAfter"))) {
                book.violation("replay of " + body.get("eventId") + " answered " + again);
            }
        }
        book.operations.addAndGet(2);
    }

    private void topUp(BankOrg org) {
        Client client = client();
        String topUp = org.topUp(client, ThreadLocalRandom.current().nextBoolean() ? "starter" : "team");
        if (topUp == null) {
            return;
        }
        if (ThreadLocalRandom.current().nextInt(3) == 0) {
            Client.Answer refund = client.post("/sandbox/api/charges/refund", null,
                    Map.of("topUpId", topUp, "amountMinor", 1 + ThreadLocalRandom.current().nextInt(400)));
            if (refund.status() == 200) {
                client.post("/sandbox/api/events/" + refund.text("eventId") + "/redeliver", null, null);
            }
        }
        Client.Answer recent = client.get("/sandbox/api/events?limit=5", null);
        if (recent.status() == 200) {
            for (JsonNode sent : recent.body().get("items")) {
                client.post("/sandbox/api/events/" + sent.get("id").asString() + "/redeliver", null, null);
            }
        }
    }

    private void flipPolicy(BankOrg org) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<UUID> selected = org.members.stream().filter(m -> random.nextBoolean()).map(Client.User::id).toList();
        String spenders = random.nextInt(4) == 0 ? "selected" : random.nextInt(8) == 0 ? "managers" : "all_members";
        String cap = org.capped ? BankOrg.CAPS.get(random.nextInt(BankOrg.CAPS.size())) : null;
        Client.Answer answer = client().put("/api/v1/orgs/" + org.id + "/spend-policy", org.owner.token(),
                BankOrg.policy(spenders, spenders.equals("selected") ? selected : List.of(), cap, random.nextInt(5) == 0));
        expectNoServerError(answer, "spend policy");
        if (answer.status() != 200) {
            book.violation("spend policy refused: " + answer);
        }
    }

    private void removeOrReturnMember(BankOrg org) {
        Client client = client();
        if (!org.removed.isEmpty() && ThreadLocalRandom.current().nextBoolean()) {
            Client.User back = org.removed.getFirst();
            if (org.join(client, back)) {
                org.removed.remove(back);
                org.members.add(back);
            }
            return;
        }
        if (org.members.size() <= 1) {
            return;
        }
        Client.User leaving = org.members.get(ThreadLocalRandom.current().nextInt(org.members.size()));
        Client.Answer removed = client.send("DELETE", "/api/v1/orgs/" + org.id + "/members/" + leaving.id(), org.owner.token(), null);
        expectNoServerError(removed, "member removal");
        if (removed.status() == 204) {
            org.members.remove(leaving);
            org.removed.add(leaving);
        }
    }

    private void rebind(BankOrg org) {
        BankOrg.Workspace workspace = org.workspaces.get(ThreadLocalRandom.current().nextInt(org.workspaces.size()));
        expectNoServerError(org.bind(client(), workspace), "binding");
    }

    private void changeSeats(BankOrg org) {
        Client client = client();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (org.subscriptionId == null) {
            Client.Answer checkout = client.post("/api/v1/orgs/" + org.id + "/seats/checkout", org.owner.token(),
                    Map.of("quantity", 1 + random.nextInt(3)));
            expectNoServerError(checkout, "seat checkout");
            if (checkout.status() == 200 || checkout.status() == 201) {
                Client.Answer paid = client.post("/sandbox/api/checkout-sessions/"
                        + BankOrg.lastSegment(checkout.text("checkoutUrl")) + "/complete", null, null);
                org.subscriptionId = paid.status() == 200 ? paid.text("subscriptionId") : null;
            }
            return;
        }
        if (random.nextBoolean()) {
            expectNoServerError(client.post("/sandbox/api/subscriptions/" + org.subscriptionId, null,
                    Map.of("quantity", 1 + random.nextInt(4))), "seat quantity");
            return;
        }
        Client.User member = org.members.isEmpty() ? org.owner : org.members.get(random.nextInt(org.members.size()));
        String path = "/api/v1/orgs/" + org.id + "/seats/assignments/" + member.id();
        expectNoServerError(random.nextInt(4) == 0 ? client.send("DELETE", path, org.owner.token(), null)
                : client.put(path, org.owner.token(), null), "seat assignment");
    }

    private void expectNoServerError(Client.Answer answer, String what) {
        if (answer.status() >= 500 && answer.status() != 503) {
            book.violation(what + " answered " + answer);
        }
    }

    static Duration hasteTimeout() {
        return Duration.ofMillis(2);
    }
}
