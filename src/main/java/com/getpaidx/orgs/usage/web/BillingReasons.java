package com.getpaidx.orgs.usage.web;

import java.util.List;

/** The refusal codes of org billing in words, as the workspace owner reads them. */
final class BillingReasons {

    private BillingReasons() {
    }

    static String words(String code) {
        return switch (code) {
            case "org_archived" -> "the organization is archived";
            case "billing_paused" -> "the organization has paused org-billed usage";
            case "not_member" -> "you are not a member of it";
            case "policy_denied" -> "the spend policy does not include you";
            case "member_limit_reached" -> "you have reached your monthly limit there";
            case "insufficient_balance" -> "its wallet has no credits left";
            default -> code;
        };
    }

    static List<String> words(List<String> codes) {
        return codes.stream().map(BillingReasons::words).toList();
    }
}
