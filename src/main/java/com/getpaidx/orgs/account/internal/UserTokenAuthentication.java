package com.getpaidx.orgs.account.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.getpaidx.orgs.shared.CurrentUser;

/** A person calling the API with one of their bearer tokens. */
public final class UserTokenAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final UUID tokenId;

    UserTokenAuthentication(CurrentUser user, UUID tokenId) {
        super(List.of(new SimpleGrantedAuthority(Roles.USER)));
        this.user = user;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    public UUID tokenId() {
        return tokenId;
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
