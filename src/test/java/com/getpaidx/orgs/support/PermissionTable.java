package com.getpaidx.orgs.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of every permission-matrix test: endpoints × the six kinds of caller, each row an expected
 * status and problem code, and a check that the table leaves no cell out.
 */
public final class PermissionTable {

    public static final List<String> CALLERS = List.of("owner", "admin", "billing_admin", "member", "non_member",
            "anonymous");

    /** One endpoint, called on a roster's org with a caller's token (null: anonymous). */
    public interface Call {
        Api.Response send(Api api, Fixtures.Roster roster, String token);
    }

    private PermissionTable() {
    }

    /** Calls {@code endpoint} as {@code caller} and checks the answer of the design. */
    public static void assertAnswer(Api api, Fixtures.Roster roster, Map<String, Call> endpoints, String endpoint,
            String caller, int status, String code) {
        Api.User user = roster.as(caller);
        Api.Response response = endpoints.get(endpoint).send(api, roster, user == null ? null : user.token());
        assertThat(response.status()).as("%s by %s: %s", endpoint, caller, response.body()).isEqualTo(status);
        assertThat(response.code()).as("%s by %s", endpoint, caller).isEqualTo(code);
    }

    /** Every endpoint × every caller appears in {@code rows} exactly once. */
    public static void assertCoversEveryCell(Set<String> endpoints, Supplier<Stream<Arguments>> rows) {
        Set<String> cells = rows.get().map(Arguments::get).map(row -> row[0] + " by " + row[1])
                .collect(Collectors.toSet());
        Set<String> expected = endpoints.stream()
                .flatMap(endpoint -> CALLERS.stream().map(caller -> endpoint + " by " + caller))
                .collect(Collectors.toSet());
        assertThat(cells).hasSize((int) rows.get().count()).isEqualTo(expected);
    }
}
