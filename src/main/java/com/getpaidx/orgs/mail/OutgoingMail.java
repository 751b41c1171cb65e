package com.getpaidx.orgs.mail;

/** One message with a plain-text and an HTML part. */
public record OutgoingMail(String to, String subject, String text, String html) {
}
