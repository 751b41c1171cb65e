package com.getpaidx.orgs.shared.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

import com.getpaidx.orgs.shared.DomainException;

/**
 * On a page, a broken rule sends the person back where they came from with the same sentence the
 * API would have given, shown above the content.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionAdvice {

    static final String ERROR = "error";

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, HttpServletRequest request) {
        RequestContextUtils.getOutputFlashMap(request).put(ERROR, e.getMessage());
        return "redirect:" + back(request);
    }

    private static String back(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        if (referer != null) {
            try {
                URI uri = URI.create(referer);
                if (uri.getHost() == null || uri.getHost().equals(request.getServerName())) {
                    String path = uri.getRawPath();
                    if (path != null && path.startsWith("/") && !path.startsWith("//")) {
                        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
                    }
                }
            }
            catch (IllegalArgumentException ignored) {
                // a malformed Referer is no place to go back to
            }
        }
        return "/settings/organizations";
    }
}
