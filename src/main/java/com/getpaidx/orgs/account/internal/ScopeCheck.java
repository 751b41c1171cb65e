package com.getpaidx.orgs.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import com.getpaidx.orgs.account.InsufficientScope;
import com.getpaidx.orgs.shared.apidocs.ApiScopes;

/**
 * Refuses a user's token the operations beyond its scopes, before the controller runs (the role check follows in
 * the facade). The scope of each operation is looked up by its mapped path pattern in {@link ApiScopes}; a
 * user operation missing there is refused (fail closed). Service tokens and page sessions carry no scopes.
 */
class ScopeCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof UserTokenAuthentication token)) {
            return true;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        ApiScopes.Rule rule = ApiScopes.forRequest(request.getMethod(), pattern == null ? request.getRequestURI() : pattern.toString());
        return switch (rule) {
            case ApiScopes.AnyToken any -> true;
            case ApiScopes.Needs needs when token.scopes().contains(needs.scope()) -> true;
            case ApiScopes.Needs needs -> throw new InsufficientScope(needs.scope());
            case ApiScopes.Undecided undecided -> throw new InsufficientScope();
        };
    }
}
