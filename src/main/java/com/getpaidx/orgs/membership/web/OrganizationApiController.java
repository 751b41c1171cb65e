package com.getpaidx.orgs.membership.web;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.audit.AuditEvent;
import com.getpaidx.orgs.audit.AuditFilter;
import com.getpaidx.orgs.membership.MemberOrganizations;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Role;
import com.getpaidx.orgs.organization.OrganizationStatus;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.web.CsvDownload;
import org.jspecify.annotations.Nullable;

/**
 * Lives in the membership module, not organization: an org's JSON carries the caller's role and the
 * member count, which only this module knows.
 */
@RestController
@RequestMapping("/api/v1/orgs")
class OrganizationApiController {

    record CreateRequest(@NotNull String name, @Nullable String slug) {
    }

    record RenameRequest(@NotNull String name) {
    }

    record OrgResponse(UUID id, String name, String slug, OrganizationStatus status, Role myRole, int memberCount,
            Instant createdAt) {

        static OrgResponse of(OrganizationView view) {
            var org = view.organization();
            return new OrgResponse(org.id().value(), org.name(), org.slug(), org.status(), view.myRole(),
                    view.memberCount(), org.createdAt());
        }
    }

    private final MemberOrganizations organizations;

    OrganizationApiController(MemberOrganizations organizations) {
        this.organizations = organizations;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrgResponse create(CurrentUser user, @Valid @RequestBody CreateRequest request) {
        return OrgResponse.of(organizations.create(user.id(), request.name(), request.slug()));
    }

    @GetMapping
    Page<OrgResponse> mine(CurrentUser user, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return organizations.mine(user.id(), PageRequest.of(limit, cursor)).map(OrgResponse::of);
    }

    @GetMapping("/{id}")
    OrgResponse view(CurrentUser user, @PathVariable UUID id) {
        return OrgResponse.of(organizations.view(new OrgId(id), user.id()));
    }

    @PatchMapping("/{id}")
    OrgResponse rename(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody RenameRequest request) {
        return OrgResponse.of(organizations.rename(new OrgId(id), user.id(), request.name()));
    }

    @PostMapping("/{id}/archive")
    OrgResponse archive(CurrentUser user, @PathVariable UUID id) {
        return OrgResponse.of(organizations.archive(new OrgId(id), user.id()));
    }

    @PostMapping("/{id}/unarchive")
    OrgResponse unarchive(CurrentUser user, @PathVariable UUID id) {
        return OrgResponse.of(organizations.unarchive(new OrgId(id), user.id()));
    }

    @GetMapping(path = "/{id}/audit-events", produces = { MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE })
    Page<AuditEvent> auditEvents(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return organizations.auditEvents(new OrgId(id), user.id(), new AuditFilter(null, null, from, to),
                PageRequest.of(limit, cursor));
    }

    /** {@code Accept: text/csv}: every event in [from, to), oldest first, streamed. */
    @GetMapping(path = "/{id}/audit-events", produces = CsvDownload.TEXT_CSV)
    void auditEventsCsv(CurrentUser user, @PathVariable UUID id, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, HttpServletResponse response) {
        try (var csv = AuditCsv.download(response)) {
            organizations.exportAuditEvents(new OrgId(id), user.id(), new AuditFilter(null, null, from, to), csv);
        }
    }
}
