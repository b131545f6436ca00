package org.brainfx.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Layer rules of the engine: a pure library that headless users, tests and workers use alone. */
@AnalyzeClasses(packages = "org.brainfx.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule ENGINE_DOES_NOT_USE_JAVAFX = noClasses()
            .that().resideInAPackage("org.brainfx.engine..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine runs headless; the app owns everything that draws");

    @ArchTest
    static final ArchRule ENGINE_DOES_NOT_USE_THE_APP = noClasses()
            .that().resideInAPackage("org.brainfx.engine..")
            .should().dependOnClassesThat().resideInAPackage("org.brainfx.app..")
            .because("the app depends on the engine, never the reverse");
}
