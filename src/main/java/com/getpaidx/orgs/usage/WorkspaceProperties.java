package com.getpaidx.orgs.usage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param localRegistration whether signed-in users may register workspaces of their own on
 *        {@code /settings/workspaces}, so "Bill workspace to" can be tried without the main app (which
 *        otherwise registers them with the service token)
 */
@ConfigurationProperties("getpaidx.workspaces")
public record WorkspaceProperties(@DefaultValue("true") boolean localRegistration) {
}
