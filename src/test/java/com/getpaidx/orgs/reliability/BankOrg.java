package com.getpaidx.orgs.reliability;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * One org of a bank run as its clients know it: the owner, the members now and those removed, one workspace per
 * member (billed to the org while allowed), whether it runs under a monthly cap, its seat subscription.
 * Changes to it (policy, roster, seats) are made under its monitor; usage goes on beside them.
 */
final class BankOrg {

    /** The two caps a capped org flips between; no member's month may pass the larger. */
    static final List<String> CAPS = List.of("40", "60");

    record Workspace(String id, Client.User owner) {
    }

    final UUID id;
    final Client.User owner;
    final boolean capped;
    final List<Client.User> members = new CopyOnWriteArrayList<>();
    final List<Client.User> removed = new CopyOnWriteArrayList<>();
    final List<Workspace> workspaces = new CopyOnWriteArrayList<>();
    volatile @Nullable String subscriptionId;

    private BankOrg(UUID id, Client.User owner, boolean capped) {
        this.id = id;
        this.owner = owner;
        this.capped = capped;
    }

    /** An org with {@code memberCount} members, each owning a workspace billed to it, and a paid starter top-up. */
    static BankOrg create(Client client, String run, int index, int memberCount, boolean capped) {
        Client.User owner = client.newUser("bank-owner");
        Client.Answer org = client.expect(client.post("/api/v1/orgs", owner.token(),
                Map.of("name", "Bank " + run + " " + index)), "org");
        BankOrg bank = new BankOrg(UUID.fromString(org.text("id")), owner, capped);
        bank.workspaces.add(bank.register(client, owner, run + "-" + index + "-owner"));
        for (int m = 0; m < memberCount; m++) {
            Client.User member = client.newUser("bank-member");
            if (!bank.join(client, member)) {
                throw new IllegalStateException(member.email() + " could not join " + bank.id);
            }
            bank.members.add(member);
            bank.workspaces.add(bank.register(client, member, run + "-" + index + "-" + m));
        }
        if (capped) {
            client.expect(client.put("/api/v1/orgs/" + bank.id + "/spend-policy", owner.token(),
                    policy("all_members", List.of(), CAPS.getFirst(), false)), "cap");
        }
        bank.topUp(client, "team");
        return bank;
    }

    static Map<String, Object> policy(String spenders, List<UUID> selected, @Nullable String cap, boolean paused) {
        var body = new java.util.HashMap<String, Object>();
        body.put("spenders", spenders);
        body.put("selectedUserIds", selected);
        body.put("memberMonthlyLimit", cap);
        body.put("paused", paused);
        body.put("lowBalanceThreshold", null);
        return body;
    }

    /** Invited by the owner and accepted by {@code user}; false when either step was refused. */
    boolean join(Client client, Client.User user) {
        Client.Answer invited = client.post("/api/v1/orgs/" + id + "/invitations", owner.token(),
                Map.of("email", user.email(), "role", "member"));
        if (invited.status() != 201) {
            return false;
        }
        return client.post("/api/v1/invitations/accept", user.token(), Map.of("token", invited.text("token"))).status() == 200;
    }

    private Workspace register(Client client, Client.User user, String name) {
        String workspace = "ws-bank-" + name + "-" + UUID.randomUUID().toString().substring(0, 6);
        client.expect(client.put("/api/v1/workspaces/" + workspace, client.serviceToken(),
                Map.of("ownerUserId", user.id().toString(), "name", name)), "workspace");
        client.expect(bind(client, new Workspace(workspace, user)), "binding");
        return new Workspace(workspace, user);
    }

    Client.Answer bind(Client client, Workspace workspace) {
        return client.put("/api/v1/workspaces/" + workspace.id() + "/billing", workspace.owner().token(),
                Map.of("target", "org", "orgId", id.toString()));
    }

    /** A top-up paid in the sandbox (its webhook delivered by the sandbox); returns the top-up id, or null. */
    @Nullable String topUp(Client client, String packageId) {
        Client.Answer topUp = client.post("/api/v1/orgs/" + id + "/wallet/topups", owner.token(),
                Map.of("packageId", packageId));
        if (topUp.status() != 201) {
            return null;
        }
        Client.Answer paid = client.post("/sandbox/api/checkout-sessions/" + lastSegment(topUp.text("checkoutUrl")) + "/complete",
                null, null);
        return paid.status() == 200 ? topUp.text("id") : null;
    }

    static String lastSegment(String url) {
        String path = URI.create(url).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
