package com.getpaidx.orgs.membership;

import org.jspecify.annotations.Nullable;

import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * Someone became a member: the creator of a new org (as its owner), or a person who accepted an invitation.
 * Published inside that transaction.
 *
 * @param invitedBy who sent the accepted invitation; null for the creator
 */
public record MemberAdded(OrgId orgId, UserId userId, Role role, @Nullable UserId invitedBy) {
}
