package com.getpaidx.orgs.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.getpaidx.orgs.shared.UserId;

/** Which audit events to read: any field null matches everything; {@code to} is exclusive. */
public record AuditFilter(@Nullable UserId actor, @Nullable String action, @Nullable Instant from, @Nullable Instant to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null);
}
