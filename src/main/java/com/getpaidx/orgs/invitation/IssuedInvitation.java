package com.getpaidx.orgs.invitation;

import com.getpaidx.orgs.mail.EmailDelivery;

/** An invitation with its token: returned once, on create and resend, and never stored in the clear. */
public record IssuedInvitation(Invitation invitation, String token, String acceptUrl, EmailDelivery emailDelivery) {

    /** Never in a log line or an exception message. */
    @Override
    public String toString() {
        return "IssuedInvitation[invitation=" + invitation + ", token=(hidden), acceptUrl=(hidden), emailDelivery="
                + emailDelivery + "]";
    }
}
