package com.getpaidx.orgs.shared.apidocs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.getpaidx.orgs.shared.ApiScope;

/**
 * The one list of which scope a user's token needs for each operation a user may call (beside their role, which
 * the facades check). {@code any} is an operation on the caller's own account that every token may make. An
 * operation a user may call that is missing here is refused to every scoped token (fail closed), fails the
 * document's build and {@code ApiScopesTests}.
 */
public final class ApiScopes {

    private static final String TABLE = """
            DELETE /api/v1/auth/tokens/current                         any
            GET    /api/v1/me                                          any
            POST   /api/v1/me/email-verification                       any
            POST   /api/v1/me/email-verification/confirm               any
            GET    /api/v1/me/tokens                                   any
            DELETE /api/v1/me/tokens/{id}                              any
            GET    /api/v1/orgs                                        orgs:read
            POST   /api/v1/orgs                                        orgs:write
            GET    /api/v1/orgs/{id}                                   orgs:read
            PATCH  /api/v1/orgs/{id}                                   orgs:write
            POST   /api/v1/orgs/{id}/archive                           orgs:write
            POST   /api/v1/orgs/{id}/unarchive                         orgs:write
            GET    /api/v1/orgs/{id}/audit-events                      orgs:read
            GET    /api/v1/orgs/{id}/members                           orgs:read
            PATCH  /api/v1/orgs/{id}/members/{userId}                  members:write
            DELETE /api/v1/orgs/{id}/members/{userId}                  members:write
            POST   /api/v1/orgs/{id}/invitations                       members:write
            GET    /api/v1/orgs/{id}/invitations                       orgs:read
            POST   /api/v1/orgs/{id}/invitations/{invitationId}/resend members:write
            DELETE /api/v1/orgs/{id}/invitations/{invitationId}        members:write
            POST   /api/v1/invitations/preview                         orgs:read
            POST   /api/v1/invitations/accept                          members:write
            GET    /api/v1/topup-packages                              billing:read
            GET    /api/v1/orgs/{id}/wallet                            billing:read
            GET    /api/v1/orgs/{id}/wallet/transactions               billing:read
            POST   /api/v1/orgs/{id}/wallet/topups                     billing:write
            GET    /api/v1/orgs/{id}/wallet/topups                     billing:read
            GET    /api/v1/orgs/{id}/spend-policy                      billing:read
            PUT    /api/v1/orgs/{id}/spend-policy                      billing:write
            GET    /api/v1/orgs/{id}/usage-events                      billing:read
            GET    /api/v1/orgs/{id}/usage-summary                     billing:read
            GET    /api/v1/workspaces/{wsId}/billing                   billing:read
            PUT    /api/v1/workspaces/{wsId}/billing                   billing:write
            GET    /api/v1/me/billing-targets                          billing:read
            GET    /api/v1/orgs/{id}/seats                             billing:read
            POST   /api/v1/orgs/{id}/seats/checkout                    billing:write
            POST   /api/v1/orgs/{id}/seats/portal                      billing:write
            POST   /api/v1/orgs/{id}/seats/sync                        billing:write
            PUT    /api/v1/orgs/{id}/seats/assignments/{userId}        seats:write
            DELETE /api/v1/orgs/{id}/seats/assignments/{userId}        seats:write
            GET    /api/v1/me/entitlements                             billing:read
            """;

    /** What an operation asks of a token. */
    public sealed interface Rule permits AnyToken, Needs, Undecided {
    }

    /** Every token may: the caller's own account. */
    public record AnyToken() implements Rule {
    }

    public record Needs(ApiScope scope) implements Rule {
    }

    /** Not in the list: refused to scoped tokens. */
    public record Undecided() implements Rule {
    }

    static final Map<String, Rule> RULES = parse();

    private ApiScopes() {
    }

    /** The rule of {@code method} on the mapped path pattern (as the controllers declare it, e.g. {@code /api/v1/orgs/{id}}). */
    public static Rule of(String method, String pathPattern) {
        return Optional.ofNullable(RULES.get(method.toLowerCase() + " " + pathPattern)).orElse(new Undecided());
    }

    /**
     * The rule a user's token meets on a request mapped to {@code pathPattern}: {@link #of}, except where no
     * operation of {@link ApiCatalogue} is for users (a public one, the service's, or none: the API's fallback
     * answers 404), since there the token's scopes give nothing and the caller's role or the fallback decides.
     */
    public static Rule forRequest(String method, String pathPattern) {
        // Spring answers HEAD with the GET handler, which runs whole: it needs what GET needs
        String key = ("HEAD".equalsIgnoreCase(method) ? "get" : method.toLowerCase()) + " " + pathPattern;
        Rule listed = RULES.get(key);
        if (listed != null) {
            return listed;
        }
        ApiCatalogue.Entry operation = ApiCatalogue.OPERATIONS.get(key);
        return operation != null && operation.forUsers() ? new Undecided() : new AnyToken();
    }

    private static Map<String, Rule> parse() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.trim().split("\\s+");
            Rule rule = cells[2].equals("any") ? new AnyToken() : new Needs(ApiScope.fromJson(cells[2]));
            if (rules.put(cells[0].toLowerCase() + " " + cells[1], rule) != null) {
                throw new IllegalStateException("ApiScopes lists " + cells[0] + " " + cells[1] + " twice");
            }
        }
        return rules;
    }
}
