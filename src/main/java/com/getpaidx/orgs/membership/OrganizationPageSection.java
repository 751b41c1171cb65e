package com.getpaidx.orgs.membership;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.getpaidx.orgs.shared.UserId;

/**
 * A section of the organization page, at {@code /settings/organizations/{id}/{slug}}. The module that owns the
 * section's data contributes it (invitations, wallet, usage, seats) without this module knowing those modules;
 * each section's forms post to its own module's page controller, which redirects back to the section.
 */
public interface OrganizationPageSection {

    /** Where the section sits and who sees it. */
    Place place();

    /** Whether {@code role} sees the section at all: one it may not see is not listed and answers 403. */
    default boolean visibleTo(Role role) {
        return place().seenWith().stream().anyMatch(role::can);
    }

    /** The section as {@code viewer} may see it, read with the page's query parameters (filters, paging). */
    Section render(OrganizationView organization, UserId viewer, SectionQuery query);

    /** A card of the overview (facts and next steps), when the section has one for this viewer. */
    default Optional<Section> overview(OrganizationView organization, UserId viewer) {
        return Optional.empty();
    }

    /**
     * @param slug the last segment of the section's address, {@code members}, {@code wallet}, …
     * @param label its name in the section navigation
     * @param order its position in the navigation, lower first
     * @param seenWith the permissions of which a role needs one to see the section
     */
    record Place(String slug, String label, int order, Set<Permission> seenWith) {

        public Place(String slug, String label, int order, Permission first, Permission... more) {
            this(slug, label, order, EnumSet.of(first, more));
        }
    }

    /**
     * @param template a Thymeleaf template holding a fragment {@code section(model)} (or {@code overview(model)})
     * @param model what that fragment reads
     */
    record Section(String template, Map<String, Object> model) {
    }
}
