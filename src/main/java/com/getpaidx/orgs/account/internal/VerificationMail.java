package com.getpaidx.orgs.account.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.web.util.HtmlUtils;

import com.getpaidx.orgs.mail.OutgoingMail;

/** The mail with the link that proves an account's owner reads its address. */
public final class VerificationMail {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    public static final String SUBJECT = "Confirm your email address for GetPaidX";

    private VerificationMail() {
    }

    public static OutgoingMail compose(String email, String displayName, String link, Instant expiresAt) {
        String text = """
                Hello %s,

                Confirm that this is your email address, so you can join organizations on GetPaidX:
                %s

                The link works once and expires on %s. If you did not create an account, ignore this email.
                """.formatted(displayName, link, DATE.format(expiresAt));
        String html = """
                <!DOCTYPE html>
                <html lang="en"><body style="font-family: sans-serif; line-height: 1.5">
                <p>Hello %s,</p>
                <p><a href="%s">Confirm that this is your email address</a>, so you can join organizations on GetPaidX.</p>
                <p style="color:#57606a">The link works once and expires on %s. If you did not create an account, ignore this email.</p>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(displayName), HtmlUtils.htmlEscape(link), DATE.format(expiresAt));
        return new OutgoingMail(email, SUBJECT, text, html);
    }
}
