package com.getpaidx.orgs.membership;

import java.util.List;

/**
 * A page of the member list that links both ways, as the organization page shows it.
 *
 * @param previousCursor where the page before ends ({@code membersBefore}); null on the first page
 * @param nextCursor where the page after begins ({@code membersAfter}); null on the last page
 */
public record MemberWindow(List<Member> items, String previousCursor, String nextCursor) {
}
