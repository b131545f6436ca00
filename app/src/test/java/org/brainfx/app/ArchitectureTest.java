package org.brainfx.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layer rules of the app: the command line runs headless, so it never touches JavaFX. */
@AnalyzeClasses(packages = "org.brainfx.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule CLI_DOES_NOT_USE_JAVAFX = noClasses()
            .that().resideInAPackage("org.brainfx.app.cli..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("brainfx <command> must run on a machine without a display");
}
