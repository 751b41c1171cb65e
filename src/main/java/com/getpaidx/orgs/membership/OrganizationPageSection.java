package com.getpaidx.orgs.membership;

import java.util.Map;
import java.util.Optional;

import com.getpaidx.orgs.shared.UserId;

/**
 * A section of the organization page, at {@code /settings/organizations/{id}/{slug}}. The module that owns the
 * section's data contributes it (invitations, wallet, usage, seats) without this module knowing those modules;
 * each section's forms post to its own module's page controller, which redirects back to the section.
 */
public interface OrganizationPageSection {

    /** The last segment of the section's address, {@code members}, {@code wallet}, …. */
    String slug();

    /** Its name in the section navigation. */
    String label();

    /** Position in the navigation, lower first. */
    int order();

    /** Whether {@code role} sees the section at all: one it may not see is not listed and answers 403. */
    boolean visibleTo(Role role);

    /** The section as {@code viewer} may see it, read with the page's query parameters (filters, paging). */
    Section render(OrganizationView organization, UserId viewer, SectionQuery query);

    /** A card of the overview (facts and next steps), when the section has one for this viewer. */
    default Optional<Section> overview(OrganizationView organization, UserId viewer) {
        return Optional.empty();
    }

    /**
     * @param template a Thymeleaf template holding a fragment {@code section(model)} (or {@code overview(model)})
     * @param model what that fragment reads
     */
    record Section(String template, Map<String, Object> model) {
    }
}
