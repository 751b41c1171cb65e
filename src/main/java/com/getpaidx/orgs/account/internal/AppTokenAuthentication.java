package com.getpaidx.orgs.account.internal;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.getpaidx.orgs.shared.CurrentUser;

/** A person calling the API with a JWT of the GetPaidX app; the app, not this service, can end such a token. */
final class AppTokenAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;

    AppTokenAuthentication(CurrentUser user) {
        super(List.of(new SimpleGrantedAuthority(Roles.USER)));
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }
}
