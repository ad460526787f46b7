package dev.sessiondb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The arrow is ui/cli -> engine -> model; nothing points back. */
@AnalyzeClasses(packages = "dev.sessiondb", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    private static final String[] ENGINE = {
        "dev.sessiondb.model..", "dev.sessiondb.store..", "dev.sessiondb.progress..", "dev.sessiondb.sample..",
        "dev.sessiondb.job..", "dev.sessiondb.diff..", "dev.sessiondb.validation..", "dev.sessiondb.discovery..",
        "dev.sessiondb.catalog.."
    };

    @ArchTest
    static final ArchRule engineKnowsNothingOfJavaFx = noClasses().that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
            .because("the engine runs headless under the CLI, in CI and in benchmarks; the desktop app is a thin shell over it");

    @ArchTest
    static final ArchRule engineKnowsNothingOfItsShells = noClasses().that().resideInAnyPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.sessiondb.ui..", "dev.sessiondb.cli..", "picocli..", "me.tongfei..")
            .because("the CLI and the desktop app drive the same engine; the engine must not pick one of them");

    @ArchTest
    static final ArchRule modelStandsAlone = noClasses().that().resideInAPackage("dev.sessiondb.model..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.sessiondb.store..", "dev.sessiondb.job..",
                    "dev.sessiondb.diff..", "dev.sessiondb.validation..", "dev.sessiondb.discovery..")
            .because("the session model is shared by every layer and must not drag storage or jobs along");

    @ArchTest
    static final ArchRule shellsDoNotUseEachOther = noClasses().that().resideInAPackage("dev.sessiondb.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.sessiondb.ui..")
            .because("the CLI must start without JavaFX on a headless server");

    @ArchTest
    static final ArchRule uiDoesNotUseTheCli = noClasses().that().resideInAPackage("dev.sessiondb.ui..")
            .should().dependOnClassesThat().resideInAPackage("dev.sessiondb.cli..")
            .because("the desktop app calls the engine directly, never through command-line parsing");

    @ArchTest
    static final ArchRule jobsDoNotKnowTheCatalog = noClasses().that().resideInAnyPackage("dev.sessiondb.model..", "dev.sessiondb.store..",
                    "dev.sessiondb.job..", "dev.sessiondb.diff..", "dev.sessiondb.validation..", "dev.sessiondb.discovery..")
            .should().dependOnClassesThat().resideInAPackage("dev.sessiondb.catalog..")
            .because("jobs tell the backup journal what they did and the catalog listens (JournalListener), so no job waits on or fails for its history");

    @ArchTest
    static final ArchRule engineDoesNotPrint = noClasses().that().resideInAnyPackage(ENGINE)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("the engine reports through return values and progress monitors; only the shells print");
}
