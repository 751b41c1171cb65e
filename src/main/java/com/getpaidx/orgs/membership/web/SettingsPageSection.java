package com.getpaidx.orgs.membership.web;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.getpaidx.orgs.membership.OrganizationPageSection;
import com.getpaidx.orgs.membership.OrganizationView;
import com.getpaidx.orgs.membership.Permission;
import com.getpaidx.orgs.membership.SectionQuery;
import com.getpaidx.orgs.shared.UserId;

/** The Settings section: managers rename, owners archive and unarchive. */
@Component
class SettingsPageSection implements OrganizationPageSection {

    @Override
    public Place place() {
        return new Place("settings", "Settings", 90, Permission.RENAME_ORG, Permission.ARCHIVE_ORG);
    }

    @Override
    public Section render(OrganizationView view, UserId viewer, SectionQuery query) {
        return new Section("membership/settings", Map.of("org", view.organization(),
                "canRename", view.myRole().can(Permission.RENAME_ORG),
                "canArchive", view.myRole().can(Permission.ARCHIVE_ORG)));
    }
}
