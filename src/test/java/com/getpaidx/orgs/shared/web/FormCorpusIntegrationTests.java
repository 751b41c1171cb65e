package com.getpaidx.orgs.shared.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import com.getpaidx.orgs.billing.PaymentProvider;
import com.getpaidx.orgs.shared.web.FormCorpus.Row;
import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms never 500: every page form, given each bad value of {@link FormCorpus}, answers 4xx with its page
 * re-shown (no redirect) and the API's problem in the page's alert, and writes nothing.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormCorpusIntegrationTests {

    /** Text inputs that keep what was typed when their form is shown again. */
    private static final Set<String> TYPED = Set.of("name", "slug", "email", "displayName", "id", "memberMonthlyLimit",
            "lowBalanceThreshold", "quantity");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired Api api;
    @Autowired Fixtures fixtures;
    @Autowired PaymentProvider provider;
    @Autowired JdbcClient jdbc;
    @Autowired FormPages pages;

    private FormFixture fixture;
    private PageSession owner;

    @BeforeAll
    void buildFixture() {
        fixture = FormFixture.build(api, fixtures, provider, jdbc);
        owner = PageSession.signedIn(api, fixture.owner());
    }

    List<Row> rows() {
        return FormCorpus.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aBadValueReShowsTheFormWithTheApisProblemAndWritesNothing(Row row) {
        assertThat(row.status()).as("a bad value is the sender's fault").isBetween(400, 499);
        Map<String, String> fields = FormCorpus.defaults(row.form(), fixture);
        if (!row.field().startsWith("{")) {
            fields.put(row.field(), row.value());
        }
        String path = path(row);
        PageSession person = row.form().equals("/signup") ? PageSession.anonymous(api, "/signup") : owner;
        String before = fixture.snapshot(jdbc);

        PageSession.Page page = person.post(path, List.copyOf(fields.entrySet()));

        assertThat(page.status()).as("%s: %s", row, page.location()).isEqualTo(row.status());
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<main id=\"content\"");
        if (row.code() == null) {
            assertThat(page.body()).contains("Page not found");
        }
        else {
            assertThat(page.alert()).as("the alert of %s in %s", row, main(page)).hasValueSatisfying(alert -> {
                assertThat(alert.code()).isEqualTo(row.code());
                assertThat(alert.text()).isNotBlank();
            });
        }
        if (!row.field().startsWith("{") && row.status() != 404) {
            assertThat(page.body()).as("the form is shown again").contains("action=\"" + path + "\"");
            assertThat(page.headers().firstValue("HX-Replace-Url")).isPresent();
            if (TYPED.contains(row.field()) && !row.form().startsWith("/sandbox/") && !row.value().isBlank()) {
                assertThat(page.body()).as("what was typed is shown again").contains(
                        "value=\"" + HtmlUtils.htmlEscape(row.value()) + "\"");
            }
        }
        assertThat(fixture.snapshot(jdbc)).as("nothing written by %s", row).isEqualTo(before);
        if (row.form().equals("/signup")) {
            assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE lower(email) = lower(:email)")
                    .param("email", fields.get("email")).query(Long.class).single()).isZero();
        }
        ApiTwins.of(row.form()).filter(twin -> twin.fields().contains(row.field()))
                .ifPresent(twin -> assertTheApiAgrees(twin, row, fields, page));
    }

    /** The API refuses the same value the same way, in the same words where its field is text too. */
    private void assertTheApiAgrees(ApiTwins twin, Row row, Map<String, String> fields, PageSession.Page page) {
        Api.Response response = twin.call().send(api, fixture, fields);
        assertThat(response.status()).as("the API for %s: %s", row, response.body()).isEqualTo(row.status());
        assertThat(response.code()).as("the API for %s", row).isEqualTo(row.code());
        if (twin.sameWords().contains(row.field())) {
            assertThat(page.alert().orElseThrow().text()).as("the page and the API for %s", row)
                    .isEqualTo(response.text("detail"));
        }
    }

    /** Each page form with input, and each of its fields and path variables, has at least one bad value in the corpus. */
    @Test
    void everyPageFormFieldHasRows() {
        Set<String> covered = FormCorpus.rows().stream().map(row -> row.form() + " " + row.field())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> needed = new TreeSet<>();
        for (FormPages.Form form : pages.forms()) {
            if (fields(form).isEmpty()) {
                continue; // no input to get wrong (a button alone, such as "send a new confirmation link")
            }
            needed.add(form.path() + " " + "(any row)");
            for (String field : fields(form)) {
                needed.add(form.path() + " " + field);
            }
        }
        Set<String> coveredForms = FormCorpus.rows().stream().map(row -> row.form() + " (any row)")
                .collect(Collectors.toSet());
        covered.addAll(coveredForms);
        assertThat(pages.forms()).as("the page forms are found").hasSizeGreaterThan(20);
        assertThat(covered).as("corpus rows (add the missing ones to FormCorpus)").containsAll(needed);
        assertThat(coveredForms).as("rows for forms that no longer exist")
                .isSubsetOf(needed.stream().filter(cell -> cell.endsWith("(any row)")).collect(Collectors.toSet()));
    }

    @Test
    void aPageThatCannotBeShownSaysWhyWithTheApisStatus() {
        PageSession.Page missing = owner.get("/settings/organizations/" + FormCorpus.UNKNOWN_ID);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.alert()).hasValueSatisfying(alert -> assertThat(alert.code()).isEqualTo("org_not_found"));
        assertThat(api.get("/api/v1/orgs/" + FormCorpus.UNKNOWN_ID, fixture.owner().token()).text("detail"))
                .isEqualTo(missing.alert().orElseThrow().text());
    }

    /** Spring Security's sign-in form is no handler of ours, but bad values there are no fault either. */
    @ParameterizedTest
    @MethodSource("badSignIns")
    void theSignInFormRefusesBadValuesAsWrongCredentials(String email, String password) {
        PageSession stranger = PageSession.anonymous(api, "/login");

        PageSession.Page refused = stranger.post("/login", List.of(Map.entry("email", email), Map.entry("password", password)));

        assertThat(refused.status()).as(refused.body()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/login?error");
        assertThat(stranger.get("/login?error").alert()).hasValueSatisfying(
                alert -> assertThat(alert.text()).isEqualTo("The email or password is not correct."));
    }

    List<Arguments> badSignIns() {
        return List.of(
                Arguments.of(fixture.owner().email(), "p".repeat(73)),
                Arguments.of(fixture.owner().email(), FormCorpus.HUGE),
                Arguments.of(FormCorpus.HUGE, "whatever-it-is"),
                Arguments.of("", ""));
    }

    /** A refused form has somewhere to be shown again. */
    @Test
    void everyPageFormSitsOnAPage() {
        for (FormPages.Form form : pages.forms()) {
            assertThat(pages.pageOf(form.path())).as("the page of %s", form.path()).isPresent();
        }
    }

    /** The form's fields as the handler declares them: request parameters, path variables, a bound record. */
    private static List<String> fields(FormPages.Form form) {
        List<String> fields = new ArrayList<>();
        for (MethodParameter parameter : form.handler().getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
            Class<?> type = parameter.getParameterType();
            if (param != null) {
                fields.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
            }
            else if (variable != null) {
                fields.add("{" + (variable.name().isEmpty() ? parameter.getParameterName() : variable.name()) + "}");
            }
            else if (type.isRecord() && !type.getPackageName().equals("com.getpaidx.orgs.shared")) {
                for (var component : type.getRecordComponents()) {
                    fields.add(component.getName());
                }
            }
        }
        return fields;
    }

    private static String main(PageSession.Page page) {
        int start = Math.max(0, page.body().indexOf("<main"));
        return page.body().substring(start, Math.min(page.body().length(), start + 1500));
    }

    private String path(Row row) {
        Matcher variable = VARIABLE.matcher(row.form());
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1);
            String value = row.field().equals("{" + name + "}") ? row.value() : fixture.variable(row.form(), name);
            variable.appendReplacement(path, Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        return variable.appendTail(path).toString();
    }
}
