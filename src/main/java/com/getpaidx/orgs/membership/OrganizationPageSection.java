package com.getpaidx.orgs.membership;

import java.util.Map;
import java.util.Optional;

import com.getpaidx.orgs.shared.UserId;

/**
 * A section another module contributes to the organization page (invitations, wallet, seats),
 * without this module knowing those modules. Each section's forms post to its own module's page
 * controller, which redirects back to the organization page.
 */
public interface OrganizationPageSection {

    /** Position on the page, lower first; members stand above every section, settings below. */
    int order();

    /** The section as {@code viewer} may see it, or empty when their role shows nothing of it. */
    Optional<Section> render(OrganizationView organization, UserId viewer);

    /**
     * @param template a Thymeleaf template holding a fragment {@code section(model)}
     * @param model what that fragment reads
     */
    record Section(String template, Map<String, Object> model) {
    }
}
