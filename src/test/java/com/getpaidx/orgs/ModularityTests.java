package com.getpaidx.orgs;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ModularityTests {

    // read once for the class: JUnit makes an instance per test, and reading the modules and the classes is most of the
    // class's time (26 s on 6 December, 9 s of it in the tests themselves)
    private static final ApplicationModules modules = ApplicationModules.of(OrganizationsApplication.class);
    private static final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.getpaidx.orgs");

    @Test
    void modulesOnlyUseWhatTheyDeclare() {
        modules.verify();
    }

    @Test
    void onlyTheStripeAdapterSeesTheStripeSdk() {
        noClasses().that().resideOutsideOfPackage("com.getpaidx.orgs.billing.stripe..")
                .should().dependOnClassesThat().resideInAPackage("com.stripe..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void controllersTalkToFacadesNotRepositories() {
        noClasses().that().haveSimpleNameEndingWith("Controller")
                .should().dependOnClassesThat().haveSimpleNameStartingWith("Jdbc")
                .check(classes);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
