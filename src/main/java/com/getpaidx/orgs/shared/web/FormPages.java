package com.getpaidx.orgs.shared.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriTemplate;

/**
 * Where a page form lives: the page (a GET of a page controller) whose path is the longest whole-segment
 * prefix of the form's path. {@code /settings/organizations/{id}/rename} sits on
 * {@code /settings/organizations/{id}}, {@code /signup} on {@code /signup}. A refused form re-shows that page.
 */
@Component
class FormPages {

    /** A page form: the POST path pattern of a page controller method. */
    record Form(String path, HandlerMethod handler) {
    }

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private volatile List<String> pages;

    FormPages(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    /** Every POST handler of a page controller (a {@code @Controller} that is not a {@code @RestController}). */
    List<Form> forms() {
        return pageHandlers(RequestMethod.POST).entrySet().stream()
                .flatMap(entry -> entry.getKey().getPatternValues().stream().map(path -> new Form(path, entry.getValue())))
                .sorted(Comparator.comparing(Form::path))
                .toList();
    }

    /** The page pattern a form pattern sits on, if any. */
    Optional<String> pageOf(String formPath) {
        return pages().stream().filter(page -> isPrefix(page, formPath)).max(Comparator.comparingInt(String::length));
    }

    /** The page the form of this request sits on, its path variables filled in from the form's. */
    Optional<String> pageFor(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String formPath)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return pageOf(formPath).map(page -> new UriTemplate(page).expand(variables == null ? Map.of() : variables)
                .getRawPath());
    }

    private List<String> pages() {
        List<String> known = pages;
        if (known == null) {
            known = pageHandlers(RequestMethod.GET).keySet().stream()
                    .flatMap(info -> info.getPatternValues().stream())
                    .distinct()
                    .toList();
            pages = known;
        }
        return known;
    }

    private Map<RequestMappingInfo, HandlerMethod> pageHandlers(RequestMethod method) {
        return mappings.getObject().getHandlerMethods().entrySet().stream()
                .filter(entry -> isPageController(entry.getValue().getBeanType()))
                .filter(entry -> entry.getKey().getMethodsCondition().getMethods().contains(method))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static boolean isPageController(Class<?> type) {
        return type.getPackageName().startsWith("com.getpaidx.")
                && AnnotatedElementUtils.hasAnnotation(type, Controller.class)
                && !AnnotatedElementUtils.hasAnnotation(type, RestController.class);
    }

    private static boolean isPrefix(String page, String form) {
        List<String> pageSegments = List.of(page.split("/"));
        List<String> formSegments = List.of(form.split("/"));
        return pageSegments.size() > 1 && pageSegments.size() <= formSegments.size()
                && formSegments.subList(0, pageSegments.size()).equals(pageSegments);
    }
}
