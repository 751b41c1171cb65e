package com.getpaidx.orgs.shared.web;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.ModelAndView;

import com.getpaidx.orgs.shared.DomainException;

/**
 * A refused page form is answered with the page it sits on, re-shown with the problem the API would have given
 * (its sentence and code) and the problem's 4xx status: no redirect, nothing written. When that page cannot be
 * shown either (the org is not there for this person), the error page carries the problem instead.
 */
@ControllerAdvice(annotations = Controller.class)
class PageExceptionAdvice {

    /** The request attribute the pages' alert reads. */
    static final String PROBLEM = "problem";
    private static final String RESHOWN = PageExceptionAdvice.class.getName() + ".reshown";

    private final FormPages pages;

    PageExceptionAdvice(FormPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler({ DomainException.class, MissingServletRequestParameterException.class,
            TypeMismatchException.class, BindException.class, HandlerMethodValidationException.class })
    ModelAndView refused(Exception e, HttpServletRequest request) throws ServletException, IOException {
        // the page re-shown for a refused form may be refused too (an org this person cannot see): the form's problem wins
        ProblemDetail problem = request.getAttribute(RESHOWN) instanceof ProblemDetail first ? first
                : Problems.ofInput(e).orElseThrow();
        request.setAttribute(PROBLEM, problem);
        // a page that fails to show itself (rather than a form or a return from the provider) has no page to fall back on
        Optional<String> page = (request.getAttribute(RESHOWN) == null ? pages.pageFor(request) : Optional.<String>empty())
                .filter(shown -> !("GET".equals(request.getMethod()) && shown.equals(request.getRequestURI())));
        HttpServletResponse response = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getResponse();
        if (page.isEmpty() || response == null) {
            if (response != null) {
                response.setHeader("HX-Push-Url", "false");
            }
            return new ModelAndView("error", Map.of(PROBLEM, problem, "status", problem.getStatus()),
                    HttpStatusCode.valueOf(problem.getStatus()));
        }
        request.setAttribute(RESHOWN, problem);
        response.setStatus(problem.getStatus());
        // htmx swaps the re-shown page in (see layout.html's htmx-config) and keeps the page's address, not the form's
        response.setHeader("HX-Replace-Url", page.get());
        request.getRequestDispatcher(page.get()).forward(new ShownAgain(request), response);
        return null;
    }

    /** The form's request, asked for its page: a GET that still carries the form's parameters. */
    private static final class ShownAgain extends HttpServletRequestWrapper {

        ShownAgain(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }
}
