package com.getpaidx.orgs.organization;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.getpaidx.orgs.audit.AuditLog;
import com.getpaidx.orgs.audit.AuditRecord;
import com.getpaidx.orgs.organization.internal.JdbcOrganizationRepository;
import com.getpaidx.orgs.organization.internal.OrganizationNames;
import com.getpaidx.orgs.organization.internal.Slugs;
import com.getpaidx.orgs.shared.OrgId;
import com.getpaidx.orgs.shared.UserId;

/**
 * The organization record and its life cycle. Callers have already decided that the actor may act
 * (the membership module's Authorizer); this class enforces the organization's own rules.
 */
@Service
public class OrganizationManagement {

    private static final Logger log = LoggerFactory.getLogger(OrganizationManagement.class);
    private static final int SLUG_ATTEMPTS = 12;

    private final JdbcOrganizationRepository organizations;
    private final List<ArchiveVeto> vetoes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganizationManagement(JdbcOrganizationRepository organizations, List<ArchiveVeto> vetoes, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.organizations = organizations;
        this.vetoes = vetoes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the org; the creator becomes its owner in the same transaction ({@link OrganizationCreated}). */
    @Transactional
    public Organization create(UserId creator, String name, String slug) {
        String validName = OrganizationNames.requireValid(name);
        OrgId id = new OrgId(UUID.randomUUID());
        String chosen = slug == null ? insertWithDerivedSlug(id, validName) : insertWithGivenSlug(id, validName, slug);
        Organization created = organizations.find(id).orElseThrow();
        audit.record(new AuditRecord(id, creator, "organization.created", "organization", id.toString(), null,
                Map.of("name", validName, "slug", chosen)));
        events.publishEvent(new OrganizationCreated(id, creator));
        log.info("Organization {} created by {}", id, creator);
        return created;
    }

    @Transactional(readOnly = true)
    public Optional<Organization> find(OrgId id) {
        return organizations.find(id);
    }

    @Transactional(readOnly = true)
    public Map<OrgId, Organization> findAll(Collection<OrgId> ids) {
        return organizations.findAll(ids).stream().collect(Collectors.toMap(Organization::id, Function.identity()));
    }

    @Transactional
    public Organization rename(OrgId id, UserId actor, String name) {
        String validName = OrganizationNames.requireValid(name);
        Organization current = activeForUpdate(id);
        if (current.name().equals(validName)) {
            return current;
        }
        organizations.rename(id, validName);
        audit.record(new AuditRecord(id, actor, "organization.renamed", "organization", id.toString(),
                Map.of("name", current.name()), Map.of("name", validName)));
        return organizations.find(id).orElseThrow();
    }

    @Transactional
    public Organization archive(OrgId id, UserId actor) {
        activeForUpdate(id);
        vetoes.forEach(veto -> veto.checkArchivable(id));
        organizations.setStatus(id, OrganizationStatus.ARCHIVED);
        audit.record(new AuditRecord(id, actor, "organization.archived", "organization", id.toString(),
                Map.of("status", "active"), Map.of("status", "archived")));
        events.publishEvent(new OrganizationArchived(id, actor));
        log.info("Organization {} archived by {}", id, actor);
        return organizations.find(id).orElseThrow();
    }

    /** Unarchiving an active org changes nothing and says so by returning it as it is. */
    @Transactional
    public Organization unarchive(OrgId id, UserId actor) {
        Organization current = organizations.lockForUpdate(id).orElseThrow(OrganizationNotFound::new);
        if (!current.archived()) {
            return current;
        }
        organizations.setStatus(id, OrganizationStatus.ACTIVE);
        audit.record(new AuditRecord(id, actor, "organization.unarchived", "organization", id.toString(),
                Map.of("status", "archived"), Map.of("status", "active")));
        events.publishEvent(new OrganizationUnarchived(id, actor));
        log.info("Organization {} unarchived by {}", id, actor);
        return organizations.find(id).orElseThrow();
    }

    /**
     * For another module about to change something in this org: fails with {@link OrgArchived} when it
     * is archived and holds a shared lock, so an archive cannot slip in before the change commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Organization requireActive(OrgId id) {
        Organization org = organizations.lockForShare(id).orElseThrow(OrganizationNotFound::new);
        if (org.archived()) {
            throw new OrgArchived();
        }
        return org;
    }

    private Organization activeForUpdate(OrgId id) {
        Organization org = organizations.lockForUpdate(id).orElseThrow(OrganizationNotFound::new);
        if (org.archived()) {
            throw new OrgArchived();
        }
        return org;
    }

    private String insertWithGivenSlug(OrgId id, String name, String slug) {
        String valid = Slugs.requireValid(slug);
        if (!organizations.insert(id, name, valid, clock.instant())) {
            throw new SlugTaken();
        }
        return valid;
    }

    /** A derived slug is ours to choose, so a taken one gets a suffix instead of an error. */
    private String insertWithDerivedSlug(OrgId id, String name) {
        String base = Slugs.derive(name);
        for (int attempt = 0; attempt < SLUG_ATTEMPTS; attempt++) {
            String candidate = attempt == 0 ? base : Slugs.alternative(base, attempt);
            if (organizations.insert(id, name, candidate, clock.instant())) {
                return candidate;
            }
        }
        throw new SlugTaken();
    }
}
