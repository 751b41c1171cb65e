package com.getpaidx.orgs.membership;

/** What a role may do in its organization; the rows of DESIGN §2. */
public enum Permission {
    /** See the org, the member list, one's own seat, the wallet balance and one's own usage. */
    VIEW,
    RENAME_ORG,
    ARCHIVE_ORG,
    /** Invite, resend, revoke and list invitations. */
    MANAGE_INVITATIONS,
    CHANGE_ROLES,
    REMOVE_MEMBERS,
    /** Top-ups, all usage and wallet transactions, the spend policy. */
    MANAGE_BILLING,
    /** Seat checkout, billing portal, sync, assign and revoke. */
    MANAGE_SEATS,
    READ_AUDIT
}
