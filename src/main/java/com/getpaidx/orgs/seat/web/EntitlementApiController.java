package com.getpaidx.orgs.seat.web;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.seat.Entitlement;
import com.getpaidx.orgs.seat.Entitlements;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.UserId;

@RestController
@RequestMapping("/api/v1")
class EntitlementApiController {

    record Source(UUID orgId) {
    }

    record EntitlementResponse(UUID userId, boolean pro, List<Source> sources) {

        static EntitlementResponse of(Entitlement entitlement) {
            return new EntitlementResponse(entitlement.userId().value(), entitlement.pro(),
                    entitlement.sources().stream().map(org -> new Source(org.value())).toList());
        }
    }

    private final Entitlements entitlements;

    EntitlementApiController(Entitlements entitlements) {
        this.entitlements = entitlements;
    }

    @GetMapping("/me/entitlements")
    EntitlementResponse mine(CurrentUser user) {
        return EntitlementResponse.of(entitlements.of(user.id()));
    }

    /** For the workspace runtime and the main app: the security configuration lets only the service token in. */
    @GetMapping("/users/{userId}/entitlements")
    EntitlementResponse of(@PathVariable UUID userId) {
        return EntitlementResponse.of(entitlements.of(new UserId(userId)));
    }
}
