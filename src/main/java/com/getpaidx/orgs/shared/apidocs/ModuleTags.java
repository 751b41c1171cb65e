package com.getpaidx.orgs.shared.apidocs;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/** Tags each operation with the module whose controller serves it (the sandbox's test API gets its own). */
class ModuleTags implements GlobalOperationCustomizer {

    private static final String ROOT = "com.getpaidx.orgs.";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        return operation.tags(List.of(tagOf(handler.getBeanType().getPackageName())));
    }

    static String tagOf(String packageName) {
        if (packageName.startsWith(ROOT + "billing.sandbox")) {
            return "sandbox";
        }
        String module = packageName.substring(ROOT.length()).split("\\.")[0];
        if (!ApiDocumentation.TAGS.containsKey(module)) {
            throw new IllegalStateException("No tag for the module " + module + " in ApiDocumentation.TAGS");
        }
        return module;
    }
}
