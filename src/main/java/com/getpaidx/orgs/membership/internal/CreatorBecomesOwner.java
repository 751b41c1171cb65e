package com.getpaidx.orgs.membership.internal;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.membership.MemberAdded;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.organization.OrganizationCreated;

/** An organization is never without an owner, not even between two statements: same transaction. */
@Component
class CreatorBecomesOwner {

    private final JdbcMembershipRepository memberships;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreatorBecomesOwner(JdbcMembershipRepository memberships, ApplicationEventPublisher events, Clock clock) {
        this.memberships = memberships;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(OrganizationCreated event) {
        memberships.insert(event.orgId(), event.creator(), Role.OWNER, clock.instant());
        events.publishEvent(new MemberAdded(event.orgId(), event.creator(), Role.OWNER, null));
    }
}
