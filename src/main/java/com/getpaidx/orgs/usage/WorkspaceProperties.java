package com.getpaidx.orgs.usage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param localRegistration whether signed-in users may register workspaces of their own on
 *        {@code /settings/workspaces}, so "Bill workspace to" can be tried without the main app (which
 *        otherwise registers them with the service token). Unset: on locally, off in production.
 */
@ConfigurationProperties("getpaidx.workspaces")
public record WorkspaceProperties(Boolean localRegistration) {

    public boolean localRegistrationIn(com.getpaidx.orgs.shared.GetPaidXProperties service) {
        return localRegistration != null ? localRegistration : !service.production();
    }
}
