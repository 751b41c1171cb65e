package com.getpaidx.orgs.usage;

import org.springframework.http.HttpStatus;

import com.getpaidx.orgs.shared.DomainException;

public final class WorkspaceNotFound extends DomainException {

    public WorkspaceNotFound() {
        super("workspace_not_found", HttpStatus.NOT_FOUND, "No such workspace is registered.");
    }
}
