package com.getpaidx.orgs.seat;

import java.time.Instant;

import com.getpaidx.orgs.shared.UserId;

/** @param assignedAt when the current assignment began (a restore keeps it, a re-assignment renews it) */
public record SeatAssignment(UserId userId, AssignmentStatus status, Instant assignedAt) {
}
