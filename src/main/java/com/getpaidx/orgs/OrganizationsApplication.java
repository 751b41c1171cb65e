package com.getpaidx.orgs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.getpaidx.orgs.shared.TerminationSignal;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OrganizationsApplication {

    public static void main(String[] args) {
        TerminationSignal.exitCleanlyOnSigterm();
        SpringApplication.run(OrganizationsApplication.class, args);
    }
}
