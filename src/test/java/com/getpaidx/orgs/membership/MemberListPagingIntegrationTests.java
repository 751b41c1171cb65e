package com.getpaidx.orgs.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import com.getpaidx.orgs.support.Api;
import com.getpaidx.orgs.support.Fixtures;
import com.getpaidx.orgs.support.IntegrationTest;
import com.getpaidx.orgs.support.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization page lists members 200 at a time with links both ways, so nobody past the 200th is
 * silently missing; the Seats section can assign a seat to any of them.
 */
@IntegrationTest
class MemberListPagingIntegrationTests {

    private static final Pattern MEMBER = Pattern.compile("data-member-email=\"([^\"]+)\"");
    private static final Pattern SEAT_ROW = Pattern.compile("data-seat-email=\"([^\"]+)\"");

    @Autowired Api api;
    @Autowired Fixtures fixtures;

    @Test
    void theMemberListPagesPastTwoHundredAndBack() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);
        List<String> everyone = new ArrayList<>(List.of(owner.email()));
        fixtures.manyMembers(org, owner, 205, Role.MEMBER).forEach(member -> everyone.add(member.email()));
        PageSession session = PageSession.signedIn(api, owner);

        String first = session.page("/settings/organizations/" + org + "/members");
        assertThat(all(MEMBER, first)).containsExactlyElementsOf(everyone.subList(0, 200));
        assertThat(link(first, "members-previous")).isNull();
        assertThat(all(SEAT_ROW, session.page("/settings/organizations/" + org + "/seats")))
                .as("the Seats section lists every member").hasSize(206);

        String second = session.page(link(first, "members-next"));
        assertThat(all(MEMBER, second)).containsExactlyElementsOf(everyone.subList(200, 206));
        assertThat(link(second, "members-next")).isNull();

        String back = session.page(link(second, "members-previous"));
        assertThat(all(MEMBER, back)).containsExactlyElementsOf(everyone.subList(0, 200));
        assertThat(link(back, "members-previous")).isNull();
        assertThat(link(back, "members-next")).isNotNull();
    }

    @Test
    void aSmallOrgHasNoPageLinks() {
        Api.User owner = api.newUser("owner");
        UUID org = api.newOrg(owner);

        String page = PageSession.signedIn(api, owner).page("/settings/organizations/" + org + "/members");

        assertThat(all(MEMBER, page)).containsExactly(owner.email());
        assertThat(page).doesNotContain("members-next").doesNotContain("members-previous");
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            found.add(HtmlUtils.htmlUnescape(matcher.group(1)));
        }
        return found;
    }

    /** The href of the link with this id, or null when the page has none. */
    private static String link(String html, String id) {
        Matcher matcher = Pattern.compile("<a[^>]*id=\"" + id + "\"[^>]*href=\"([^\"]+)\"").matcher(html);
        return matcher.find() ? HtmlUtils.htmlUnescape(matcher.group(1)) : null;
    }
}
