package com.getpaidx.orgs.shared.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One line a person can click once the service is up. */
@Component
class ReadyLogger {

    private static final Logger log = LoggerFactory.getLogger(ReadyLogger.class);

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            Environment env = event.getApplicationContext().getEnvironment();
            String address = env.getProperty("server.address", "127.0.0.1");
            String host = "127.0.0.1".equals(address) || "0.0.0.0".equals(address) ? "localhost" : address;
            log.info("GetPaidX Organizations is ready at http://{}:{}/settings/organizations", host, web.getWebServer().getPort());
        }
    }
}
