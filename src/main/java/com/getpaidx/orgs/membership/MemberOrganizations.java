package com.getpaidx.orgs.membership;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.audit.AuditEvent;
import com.getpaidx.orgs.audit.AuditFilter;
import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.membership.internal.JdbcMembershipRepository;
import com.getpaidx.orgs.membership.internal.JdbcMembershipRepository.MyOrganizationRow;
import com.getpaidx.orgs.organization.Organization;
import com.getpaidx.orgs.organization.OrganizationManagement;
import com.getpaidx.orgs.shared.Cursor;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.Page;
import com.getpaidx.orgs.shared.PageRequest;
import com.getpaidx.orgs.shared.RowSink;
import com.getpaidx.orgs.shared.UserId;

/**
 * Organizations as their members use them: create, list mine, view, rename, archive, read the audit
 * log. Each call is authorized here, so the API and the pages cannot disagree. A change to the org is
 * authorized twice: first unlocked, so a non-member learns nothing of the org's state, then again under a
 * shared lock on the actor's membership once the org's row is locked, so a demotion or removal under way
 * is waited for and seen (the change is then refused, and rolled back with its audit and events).
 */
@Service
public class MemberOrganizations {

    private final OrganizationManagement organizations;
    private final JdbcMembershipRepository memberships;
    private final Authorizer authorizer;
    private final AuditLog audit;

    MemberOrganizations(OrganizationManagement organizations, JdbcMembershipRepository memberships,
            Authorizer authorizer, AuditLog audit) {
        this.organizations = organizations;
        this.memberships = memberships;
        this.authorizer = authorizer;
        this.audit = audit;
    }

    @Transactional
    public OrganizationView create(UserId creator, String name, String slug) {
        Organization org = organizations.create(creator, name, slug);
        return new OrganizationView(org, Role.OWNER, 1);
    }

    @Transactional(readOnly = true)
    public Page<OrganizationView> mine(UserId user, PageRequest request) {
        List<MyOrganizationRow> rows = memberships.organizationsOf(user, request);
        Page<MyOrganizationRow> page = request.page(rows, row -> new Cursor.Position(row.joinedAt(), row.orgId().value()));
        Map<OrgId, Organization> orgs = organizations.findAll(page.items().stream().map(MyOrganizationRow::orgId).toList());
        return page.map(row -> new OrganizationView(orgs.get(row.orgId()), row.role(), row.memberCount()));
    }

    @Transactional(readOnly = true)
    public OrganizationView view(OrgId org, UserId user) {
        Role role = authorizer.require(org, user, Permission.VIEW);
        return new OrganizationView(organizations.find(org).orElseThrow(), role, memberships.count(org));
    }

    @Transactional
    public OrganizationView rename(OrgId org, UserId user, String name) {
        authorizer.require(org, user, Permission.RENAME_ORG);
        Organization changed = organizations.rename(org, user, name);
        Role role = authorizer.requireLocked(org, user, Permission.RENAME_ORG);
        return new OrganizationView(changed, role, memberships.count(org));
    }

    @Transactional
    public OrganizationView archive(OrgId org, UserId user) {
        authorizer.require(org, user, Permission.ARCHIVE_ORG);
        Organization changed = organizations.archive(org, user);
        Role role = authorizer.requireLocked(org, user, Permission.ARCHIVE_ORG);
        return new OrganizationView(changed, role, memberships.count(org));
    }

    @Transactional
    public OrganizationView unarchive(OrgId org, UserId user) {
        authorizer.require(org, user, Permission.ARCHIVE_ORG);
        Organization changed = organizations.unarchive(org, user);
        Role role = authorizer.requireLocked(org, user, Permission.ARCHIVE_ORG);
        return new OrganizationView(changed, role, memberships.count(org));
    }

    @Transactional(readOnly = true)
    public Page<AuditEvent> auditEvents(OrgId org, UserId user, AuditFilter filter, PageRequest request) {
        authorizer.require(org, user, Permission.READ_AUDIT);
        return audit.page(org, filter, request);
    }

    /** Every audit event that passes {@code filter}, oldest first, one at a time (an export). */
    @Transactional(readOnly = true)
    public long exportAuditEvents(OrgId org, UserId user, AuditFilter filter, RowSink<AuditEvent> sink) {
        authorizer.require(org, user, Permission.READ_AUDIT);
        sink.begin();
        return audit.export(org, filter, sink);
    }
}
