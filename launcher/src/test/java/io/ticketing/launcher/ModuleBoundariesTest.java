package io.ticketing.launcher;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module rules of the architecture, checked on the launcher's class path, the only one that holds every
 * service (and, for its tests, the platform's client): services meet only through the published language, and the
 * domain knows no infrastructure.
 */
class ModuleBoundariesTest {

    private static final List<String> SERVICE_PACKAGES = List.of(
            "io.ticketing.user..", "io.ticketing.booking..", "io.ticketing.payment..",
            "io.ticketing.coordinator..", "io.ticketing.query..");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.ticketing");
    }

    static List<String> servicePackages() {
        return SERVICE_PACKAGES;
    }

    @ParameterizedTest
    @MethodSource("servicePackages")
    void aServiceUsesNoOtherServicesClasses(String service) {
        String[] otherServices = SERVICE_PACKAGES.stream().filter(other -> !other.equals(service))
                .toArray(String[]::new);

        noClasses().that().resideInAPackage(service)
                .should().dependOnClassesThat().resideInAnyPackage(otherServices)
                .because("services meet only through coreapi's messages")
                .check(classes);
    }

    @Test
    void sharedModulesKnowNoService() {
        noClasses().that().resideInAnyPackage("io.ticketing.coreapi..", "io.ticketing.support..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE_PACKAGES.toArray(String[]::new))
                .check(classes);
    }

    @Test
    void theClientKnowsTheApiNotThePlatformsClasses() {
        noClasses().that().resideInAPackage("io.ticketing.client..")
                .should().dependOnClassesThat(resideInAPackage("io.ticketing..")
                        .and(not(resideInAPackage("io.ticketing.client.."))))
                .because("tools outside the platform call it over HTTP, as any client does")
                .check(classes);
    }

    @Test
    void thePublishedLanguageIsFreeOfFrameworksAndPersistence() {
        noClasses().that().resideInAPackage("io.ticketing.coreapi..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "com.fasterxml.jackson..", "java.sql..")
                .check(classes);
    }

    @Test
    void aggregatesAndSagasKnowNoWebJsonOrPersistence() {
        noClasses().that().resideInAnyPackage("io.ticketing.*.command..", "io.ticketing.*.saga..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "jakarta.servlet..", "org.springframework.http..",
                        "com.fasterxml.jackson..",
                        "jakarta.persistence..", "org.springframework.data..", "org.springframework.jdbc..",
                        "java.sql..", "javax.sql..")
                .check(classes);
    }
}
