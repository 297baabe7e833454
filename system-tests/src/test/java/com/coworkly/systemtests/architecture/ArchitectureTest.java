package com.coworkly.systemtests.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The rules that keep the two sides apart and the controllers thin, checked on the compiled classes. */
@AnalyzeClasses(packages = "com.coworkly", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule query_side_should_not_depend_on_command_side = noClasses()
            .that()
            .resideInAPackage("com.coworkly.queryside..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.coworkly.commandside..");

    @ArchTest
    static final ArchRule command_side_should_not_depend_on_query_side = noClasses()
            .that()
            .resideInAPackage("com.coworkly.commandside..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.coworkly.queryside..");

    @ArchTest
    static final ArchRule platform_should_not_depend_on_either_side = noClasses()
            .that()
            .resideInAPackage("com.coworkly.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.coworkly.commandside..", "com.coworkly.queryside..");

    @ArchTest
    static final ArchRule shared_events_should_not_depend_on_spring_or_the_services = classes()
            .that()
            .resideInAPackage("com.coworkly.events..")
            .should()
            .onlyDependOnClassesThat(
                    resideInAnyPackage("com.coworkly.events..", "java..", "com.fasterxml.jackson.annotation..")
                            .or(equivalentTo(Revision.class)));

    @ArchTest
    static final ArchRule events_should_be_records = classes()
            .that()
            .resideInAPackage("com.coworkly.events..")
            .and()
            .areNotInterfaces()
            .and()
            .areNotEnums()
            .should()
            .beRecords();

    @ArchTest
    static final ArchRule events_should_be_immutable = fields().that()
            .areDeclaredInClassesThat()
            .resideInAPackage("com.coworkly.events..")
            .and()
            .areNotStatic()
            .should()
            .beFinal();

    @ArchTest
    static final ArchRule controllers_should_only_send_commands_through_the_command_sender = noClasses()
            .that()
            .areAnnotatedWith(RestController.class)
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.axonframework.eventsourcing..", "org.axonframework.modelling..", "org.springframework.jdbc..")
            .orShould()
            .dependOnClassesThat()
            .areAnnotatedWith(Aggregate.class);

    @ArchTest
    static final ArchRule aggregates_should_not_reach_for_the_web_or_the_database = noClasses()
            .that()
            .areAnnotatedWith(Aggregate.class)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "org.springframework.jdbc..", "jakarta.servlet..");
}
