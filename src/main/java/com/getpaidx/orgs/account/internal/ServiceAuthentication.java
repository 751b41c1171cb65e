package com.getpaidx.orgs.account.internal;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The workspace runtime, holding the service token. It is no user and may act on no user's behalf. */
final class ServiceAuthentication extends AbstractAuthenticationToken {

    ServiceAuthentication() {
        super(List.of(new SimpleGrantedAuthority(Roles.SERVICE)));
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return "getpaidx-workspace-runtime";
    }
}
