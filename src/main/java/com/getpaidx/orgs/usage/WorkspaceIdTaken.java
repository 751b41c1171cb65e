package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class WorkspaceIdTaken extends DomainException {

    public WorkspaceIdTaken() {
        super("workspace_id_taken", HttpStatus.CONFLICT, "Another user's workspace already has this id.");
    }
}
