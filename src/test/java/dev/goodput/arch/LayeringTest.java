package dev.goodput.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;


/**
 * The core (model, readers, derivation, reports) must stay free of any UI so the CLI and headless uses need
 * no JavaFX; the CLI must not reach into the desktop app; charts (timeline and waterfall painting, exports)
 * sit between the core and both front ends, free of JavaFX.
 */
@AnalyzeClasses(packages = "dev.goodput", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
    @ArchTest
    static final ArchRule coreDoesNotUseJavaFx = noClasses().that().resideInAPackage("dev.goodput.core..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the core is shared with the CLI, which runs without JavaFX");

    @ArchTest
    static final ArchRule coreDoesNotUseTheAppOrCli = noClasses().that().resideInAPackage("dev.goodput.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.goodput.app..", "dev.goodput.cli..")
            .because("the core is the bottom layer: the app and the CLI build on it, not the other way round");

    @ArchTest
    static final ArchRule cliDoesNotUseJavaFxOrTheApp = noClasses().that().resideInAPackage("dev.goodput.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.goodput.app..")
            .because("the CLI jar ships without JavaFX and must run with no display");

    @ArchTest
    static final ArchRule chartsDoNotUseJavaFxOrTheApp = noClasses().that().resideInAPackage("dev.goodput.chart..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.goodput.app..", "dev.goodput.cli..")
            .because("charts are drawn the same way on screen and in headless exports, so the CLI can draw them");

    @ArchTest
    static final ArchRule benchmarksDoNotShip = noClasses().should().haveSimpleNameEndingWith("Bench")
            .because("benchmark code lives in the test sources and is not shipped; the user's `goodput bench` "
                    + "command is BenchCommand");
}
