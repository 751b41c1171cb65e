package com.getpaidx.orgs.membership.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.membership.Member;
import com.getpaidx.orgs.membership.MembershipManagement;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.UserId;

@RestController
@RequestMapping("/api/v1/orgs/{id}/members")
class MemberApiController {

    record RoleRequest(@NotNull Role role) {
    }

    record MemberResponse(UUID userId, String email, String displayName, Role role, Instant joinedAt, String seat) {

        static MemberResponse of(Member member) {
            return new MemberResponse(member.userId().value(), member.email(), member.displayName(), member.role(),
                    member.joinedAt(), member.seat());
        }
    }

    private final MembershipManagement memberships;

    MemberApiController(MembershipManagement memberships) {
        this.memberships = memberships;
    }

    @GetMapping
    Page<MemberResponse> members(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return memberships.members(new OrgId(id), user.id(), PageRequest.of(limit, cursor)).map(MemberResponse::of);
    }

    @PatchMapping("/{userId}")
    MemberResponse changeRole(CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId,
            @Valid @RequestBody RoleRequest request) {
        return MemberResponse.of(memberships.changeRole(new OrgId(id), user.id(), new UserId(userId), request.role()));
    }

    @DeleteMapping("/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(CurrentUser user, @PathVariable UUID id, @PathVariable UUID userId) {
        memberships.remove(new OrgId(id), user.id(), new UserId(userId));
    }
}
