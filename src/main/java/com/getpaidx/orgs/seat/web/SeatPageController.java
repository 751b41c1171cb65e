package com.getpaidx.orgs.seat.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.getpaidx.orgs.seat.SeatChanges;
import com.getpaidx.orgs.seat.SeatManagement;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.InvalidInput;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/** The Seats section's forms; each redirects back to the organization page (or off to the provider). */
@Controller
@RequestMapping("/settings/organizations/{id}/seats")
class SeatPageController {

    private final SeatManagement seats;
    private final SeatChanges changes;

    SeatPageController(SeatManagement seats, SeatChanges changes) {
        this.seats = seats;
        this.changes = changes;
    }

    /** The checkboxes: {@code change} is {@code assign} or {@code revoke}; each member's outcome is shown after. */
    @PostMapping("/assignments")
    String changeSeveral(CurrentUser user, @PathVariable UUID id, @RequestParam String change,
            @RequestParam(name = "userIds", required = false) List<UUID> userIds, RedirectAttributes redirect) {
        SeatChanges.Change wanted = switch (change) {
            case "assign" -> SeatChanges.Change.ASSIGN;
            case "revoke" -> SeatChanges.Change.REVOKE;
            default -> throw new InvalidInput("change", "must be assign or revoke");
        };
        List<UserId> users = UserId.formList("userIds", userIds);
        redirect.addFlashAttribute("seatResults", changes.apply(new OrgId(id), user.id(), wanted, users));
        return backTo(id);
    }

    /** Off to the provider's checkout page; a full-page redirect even under htmx, since it leaves the site. */
    @PostMapping("/checkout")
    String buy(CurrentUser user, @PathVariable UUID id, @RequestParam int quantity) {
        return "redirect:" + seats.startCheckout(new OrgId(id), user.id(), quantity);
    }

    @GetMapping("/checkout/return")
    String returnedFromCheckout(CurrentUser user, @PathVariable UUID id,
            @RequestParam(name = "session_id", required = false) String sessionId) {
        if (sessionId != null && !sessionId.isBlank()) {
            seats.confirmCheckout(new OrgId(id), user.id(), sessionId);
        }
        return backTo(id);
    }

    @PostMapping("/portal")
    String manageBilling(CurrentUser user, @PathVariable UUID id) {
        return "redirect:" + seats.openPortal(new OrgId(id), user.id());
    }

    /** The portal's way back: changes made there are read now rather than when their webhooks arrive. */
    @GetMapping("/portal/return")
    String returnedFromPortal(CurrentUser user, @PathVariable UUID id) {
        seats.sync(new OrgId(id), user.id());
        return backTo(id);
    }

    @PostMapping("/sync")
    String sync(CurrentUser user, @PathVariable UUID id) {
        seats.sync(new OrgId(id), user.id());
        return backTo(id);
    }

    @PostMapping("/assignments/{userId}/assign")
    String assign(CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId) {
        seats.assign(new OrgId(id), user.id(), new UserId(userId));
        return backTo(id);
    }

    @PostMapping("/assignments/{userId}/revoke")
    String revoke(CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId) {
        seats.revoke(new OrgId(id), user.id(), new UserId(userId));
        return backTo(id);
    }

    private static String backTo(UUID id) {
        return "redirect:/settings/organizations/" + id + "/seats";
    }
}
