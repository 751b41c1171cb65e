package com.getpaidx.orgs.invitation;

import com.getpaidx.orgs.mail.EmailDelivery;

/** An invitation with its token: returned once, on create and resend, and never stored in the clear. */
public record IssuedInvitation(Invitation invitation, String token, String acceptUrl, EmailDelivery emailDelivery) {
}
