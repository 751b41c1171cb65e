package com.getpaidx.orgs.seat.web;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.membership.Member;
import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.SectionQuery;
import com.getpaidx.orgs.seat.SeatManagement;
import com.getpaidx.orgs.seat.Seats;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * The Seats section: every member sees the counts and the subscription; billing managers buy seats or open
 * the billing portal, and assign or revoke seats member by member.
 */
@Component
class SeatPageSection implements OrganizationPageSection {

    /** A member row of the section, with the buttons the viewer may use on it. */
    record SeatRow(Member member, boolean assignable, boolean revocable) {
    }

    private final SeatManagement seats;
    private final MembershipManagement memberships;

    SeatPageSection(SeatManagement seats, MembershipManagement memberships) {
        this.seats = seats;
        this.memberships = memberships;
    }

    @Override
    public Place place() {
        return new Place("seats", "Seats", 30, Permission.VIEW);
    }

    @Override
    public Section render(OrganizationView organization, UserId viewer, SectionQuery query) {
        var org = organization.organization();
        Seats view = seats.seats(org.id(), viewer);
        boolean manager = organization.myRole().can(Permission.MANAGE_SEATS);
        boolean changeable = manager && !org.archived();
        var model = new HashMap<String, Object>();
        model.put("org", org);
        model.put("seats", view);
        model.put("manager", manager);
        model.put("canBuy", changeable && !view.live());
        model.put("canManageBilling", manager && view.subscription() != null);
        if (manager) {
            List<SeatRow> rows = memberships.allMembers(org.id(), viewer).stream()
                    .map(member -> new SeatRow(member,
                            changeable && !"active".equals(member.seat()) && !"suspended".equals(member.seat()),
                            changeable && ("active".equals(member.seat()) || "suspended".equals(member.seat()))))
                    .toList();
            model.put("rows", rows);
            model.put("changeable", changeable);
            model.put("names", rows.stream().collect(java.util.stream.Collectors.toMap(r -> r.member().userId(),
                    r -> r.member().displayName())));
        }
        return new Section("seat/section", model);
    }

    @Override
    public Optional<Section> overview(OrganizationView organization, UserId viewer) {
        var org = organization.organization();
        Seats view = seats.seats(org.id(), viewer);
        boolean buyNext = organization.myRole().can(Permission.MANAGE_SEATS) && !org.archived() && view.subscription() == null;
        return Optional.of(new Section("seat/section", java.util.Map.of("org", org, "seats", view, "buyNext", buyNext)));
    }
}
