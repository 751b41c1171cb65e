package com.getpaidx.orgs.invitation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param ttl how long an invitation (and each resent token) stays acceptable */
@ConfigurationProperties("getpaidx.invitations")
public record InvitationProperties(@DefaultValue("7d") Duration ttl) {
}
