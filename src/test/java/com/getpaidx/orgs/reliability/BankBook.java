package com.getpaidx.orgs.reliability;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the clients of a bank run were told: each usage event ends acknowledged (charged: 201, or 200 on a
 * replay), refused (a 4xx refusal: nothing charged) or, while no answer came, unknown (resent with the same
 * body until it is one of the others). What a client saw that the design forbids is a violation.
 */
final class BankBook {

    /** The refusals of the design for a usage event: nothing is charged. */
    static final Set<String> REFUSALS = Set.of("not_org_billed", "org_archived", "billing_paused", "policy_denied",
            "not_member", "member_limit_reached", "insufficient_balance");

    final Map<String, String> acked = new ConcurrentHashMap<>();
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    final Map<String, Map<String, Object>> unknown = new ConcurrentHashMap<>();
    final Queue<String> violations = new ConcurrentLinkedQueue<>();
    final AtomicLong operations = new AtomicLong();
    final Set<String> cappedOrgs = ConcurrentHashMap.newKeySet();
    final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();

    /** Files one usage event's answer; {@code body} is kept for a resend while the outcome is unknown. */
    void usage(Map<String, Object> body, int status, String code, boolean replayed) {
        String eventId = (String) body.get("eventId");
        if (status == 201 || (status == 200 && replayed)) {
            acked.put(eventId, "");
            unknown.remove(eventId);
            refused.remove(eventId);
        }
        else if (status == 0 || status == 503) {
            unknown.put(eventId, body);
        }
        else if (status >= 400 && status < 500 && REFUSALS.contains(code)) {
            if (acked.containsKey(eventId)) {
                violation("event " + eventId + " was acknowledged, then refused " + code);
            }
            refused.add(eventId);
            unknown.remove(eventId);
            refusals.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
        }
        else {
            violation("usage event " + eventId + " answered " + status + " " + code);
            unknown.put(eventId, body);
        }
    }

    /** A batch result: {@code accepted} or {@code duplicate} is charged, {@code rejected} with a refusal is not. */
    void batched(Map<String, Object> body, String status, String code) {
        switch (status) {
            case "accepted", "duplicate" -> usage(body, 201, null, false);
            case "rejected" -> usage(body, REFUSALS.contains(code) ? 403
                    : "outcome_unknown".equals(code) || "shutting_down".equals(code) ? 503 : 409, code, false);
            default -> violation("batch result " + status + " for " + body.get("eventId"));
        }
    }

    void violation(String what) {
        if (violations.size() < 1000) {
            violations.add(what);
        }
    }

    List<String> violationList() {
        return List.copyOf(violations);
    }
}
