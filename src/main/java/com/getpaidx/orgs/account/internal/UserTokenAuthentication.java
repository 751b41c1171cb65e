package com.getpaidx.orgs.account.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.getpaidx.orgs.shared.ApiScope;
import com.getpaidx.orgs.shared.CurrentUser;

/** A person calling the API with one of their bearer tokens. */
public final class UserTokenAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final UUID tokenId;
    private final Set<ApiScope> scopes;

    UserTokenAuthentication(CurrentUser user, UUID tokenId, Set<ApiScope> scopes) {
        super(List.of(new SimpleGrantedAuthority(Roles.USER)));
        this.user = user;
        this.tokenId = tokenId;
        this.scopes = Set.copyOf(scopes);
        setAuthenticated(true);
    }

    public UUID tokenId() {
        return tokenId;
    }

    public Set<ApiScope> scopes() {
        return scopes;
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
