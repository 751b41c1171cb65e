package com.getpaidx.orgs;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OrganizationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrganizationsApplication.class, args);
    }
}
