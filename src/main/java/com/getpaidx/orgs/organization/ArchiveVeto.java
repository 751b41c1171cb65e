package com.getpaidx.orgs.organization;

import com.getpaidx.orgs.shared.OrgId;

/**
 * Lets a module that knows a reason not to archive (a live seat subscription) say so without the
 * organization module knowing that module. Called inside the archiving transaction.
 */
public interface ArchiveVeto {

    /** Throws the reason as a {@link com.getpaidx.orgs.shared.DomainException} when the org must stay active. */
    void checkArchivable(OrgId orgId);
}
