package io.ticketing.launcher;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of the architecture, checked on the launcher's class path, the only one that holds every
 * service (and, for its tests, the platform's client): services meet only through the published language, and the
 * domain knows no infrastructure.
 */
@AnalyzeClasses(packages = "io.ticketing", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

    private static final String SERVICES = "io.ticketing.(user|booking|payment|coordinator|query)..";

    @ArchTest
    static final ArchRule servicesUseNoOtherServicesClasses = slices().matching(SERVICES)
            .should()
            .notDependOnEachOther()
            .because("services meet only through coreapi's messages");

    @ArchTest
    static final ArchRule sharedModulesKnowNoService = noClasses()
            .that()
            .resideInAnyPackage("io.ticketing.coreapi..", "io.ticketing.support..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage(SERVICES);

    @ArchTest
    static final ArchRule theClientKnowsTheApiNotThePlatformsClasses = noClasses()
            .that()
            .resideInAPackage("io.ticketing.client..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.ticketing..").and(not(resideInAPackage("io.ticketing.client.."))))
            .because("tools outside the platform call it over HTTP, as any client does");

    @ArchTest
    static final ArchRule thePublishedLanguageIsFreeOfFrameworksAndPersistence = noClasses()
            .that()
            .resideInAPackage("io.ticketing.coreapi..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "jakarta.persistence..", "com.fasterxml.jackson..", "java.sql..");

    @ArchTest
    static final ArchRule aggregatesAndSagasKnowNoWebJsonOrPersistence = noClasses()
            .that()
            .resideInAnyPackage("io.ticketing.*.command..", "io.ticketing.*.saga..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..",
                    "jakarta.servlet..",
                    "org.springframework.http..",
                    "com.fasterxml.jackson..",
                    "jakarta.persistence..",
                    "org.springframework.data..",
                    "org.springframework.jdbc..",
                    "java.sql..",
                    "javax.sql..");

    /**
     * Other services' packages are already out of reach; this keeps a service's own read side out of its aggregates.
     * A rule a handler cannot check alone reaches it through a port the command package owns and a projection
     * implements (booking-command's {@code KnownUsers}).
     */
    @ArchTest
    static final ArchRule commandsKnowNoProjectionOrPersistence = noClasses()
            .that()
            .resideInAPackage("io.ticketing.*.command..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.ticketing.*.projection..", "io.ticketing.*.persistence..")
            .because("the read side depends on the command side's ports, never the other way round");
}
