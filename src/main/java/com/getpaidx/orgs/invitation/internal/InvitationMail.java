package com.getpaidx.orgs.invitation.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.web.util.HtmlUtils;

import com.getpaidx.orgs.invitation.Invitation;
import com.getpaidx.orgs.mail.OutgoingMail;

/** The invitation email: who invites you, to which organization, in which role, and the link. */
public final class InvitationMail {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private InvitationMail() {
    }

    public static OutgoingMail compose(Invitation invitation, String organizationName, String acceptUrl) {
        String subject = invitation.invitedByName() + " invited you to " + organizationName + " on GetPaidX";
        String expires = DATE.format(invitation.expiresAt());
        String text = """
                %s invited you to join %s on GetPaidX as %s.

                Accept the invitation:
                %s

                The link works once and expires on %s. If you did not expect this invitation, ignore this email.
                """.formatted(invitation.invitedByName(), organizationName, invitation.role().label(), acceptUrl, expires);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body style="font-family: sans-serif; line-height: 1.5">
                <p><strong>%s</strong> invited you to join <strong>%s</strong> on GetPaidX as <strong>%s</strong>.</p>
                <p><a href="%s">Accept the invitation</a></p>
                <p style="color:#57606a">The link works once and expires on %s. If you did not expect this invitation,
                ignore this email.</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(invitation.invitedByName()), HtmlUtils.htmlEscape(organizationName),
                HtmlUtils.htmlEscape(invitation.role().label()), HtmlUtils.htmlEscape(acceptUrl), expires);
        return new OutgoingMail(invitation.email(), subject, text, html);
    }
}
