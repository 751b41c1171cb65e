package com.getpaidx.orgs.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.getpaidx.orgs.shared.DomainException;

/**
 * Any API path no controller serves answers with a JSON 404 rather than an HTML error page.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknownPath() {
        throw new UnknownApiPath();
    }

    static final class UnknownApiPath extends DomainException {
        UnknownApiPath() {
            super("not_found", HttpStatus.NOT_FOUND, "There is no API endpoint at this path.");
        }
    }
}
