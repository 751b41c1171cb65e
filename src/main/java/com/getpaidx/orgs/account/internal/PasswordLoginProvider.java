package com.getpaidx.orgs.account.internal;

import java.util.List;

import org.springframework.context.annotation.Lazy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import com.getpaidx.orgs.account.AccountManagement;
import com.getpaidx.orgs.shared.CurrentUser;
import com.getpaidx.orgs.shared.DomainException;

/**
 * The sign-in form goes through the same check as the token endpoint, throttle included, and shows
 * the same sentence.
 */
@Component
class PasswordLoginProvider implements AuthenticationProvider {

    private final AccountManagement accounts;

    PasswordLoginProvider(@Lazy AccountManagement accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        try {
            CurrentUser user = accounts.authenticate(authentication.getName(), String.valueOf(authentication.getCredentials()));
            return UsernamePasswordAuthenticationToken.authenticated(user, null,
                    List.of(new SimpleGrantedAuthority(Roles.USER)));
        }
        catch (DomainException e) {
            throw new BadCredentialsException(e.getMessage(), e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
