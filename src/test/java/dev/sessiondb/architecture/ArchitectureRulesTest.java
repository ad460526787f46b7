package dev.sessiondb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.sessiondb.store.StoreFormat;

/** The engine's shape (ADR 0009): no package cycles, SQL only in the store layer, formats only in their providers. */
@AnalyzeClasses(packages = "dev.sessiondb", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles = slices().matching("dev.sessiondb.(*)..").should().beFreeOfCycles()
            .because("each layer can then be understood, tested and replaced from the bottom up");

    @ArchTest
    static final ArchRule storePackagesAreFreeOfCycles = slices().matching("dev.sessiondb.store.(**)").should().beFreeOfCycles()
            .because("the store API must not know its backends: a backend is a package with a provider, found by ServiceLoader");

    @ArchTest
    static final ArchRule onlyTheStoreLayerSpeaksSql = noClasses().that()
            .resideOutsideOfPackages("dev.sessiondb.store..", "dev.sessiondb.catalog..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql..",
                    "com.zaxxer.hikari..", "io.ebean..", "org.flywaydb..")
            .because("connections, pools, ORM and migrations belong to the backends (and the app's own catalog); "
                    + "jobs, validation and the shells ask a store or its provider");

    /**
     * {@code StoreFormat} is a value type, so nothing can {@code switch} on it; a comparison reads a format constant. What remains outside the store
     * layer constructs a locator of a kind it knows by its nature: discovery finds files of a format, the demo
     * stores are SQLite files, a backup snapshot is a JSON file, a folder the user picks is a JSON-directory store.
     */
    @ArchTest
    static final ArchRule nothingOutsideTheStoreLayerSwitchesOnTheFormat = noClasses().that()
            .resideOutsideOfPackages("dev.sessiondb.store..", "dev.sessiondb.discovery..")
            .and().doNotHaveFullyQualifiedName("dev.sessiondb.sample.DemoStores")
            .and().doNotHaveFullyQualifiedName("dev.sessiondb.job.backup.StoreSnapshots")
            .and().doNotHaveFullyQualifiedName("dev.sessiondb.ui.stores.StoresViewModel")
            .should().accessField(StoreFormat.class, "JSON")
            .orShould().accessField(StoreFormat.class, "JSONDIR")
            .orShould().accessField(StoreFormat.class, "SQLITE")
            .orShould().accessField(StoreFormat.class, "POSTGRESQL")
            .because("what differs between formats is the provider's to say (a password, Minsky's backend settings, "
                    + "the catalogue), so a new backend is one package");

    @ArchTest
    static final ArchRule formatsComeFromTheProviders = noClasses().that().resideOutsideOfPackages("dev.sessiondb.store..")
            .should().callMethod(StoreFormat.class, "of", String.class)
            .because("a format exists because a provider declares it: a scheme a user typed or a manifest holds is looked up "
                    + "through StoreProviders.format, so a new backend needs no edit outside its own package");
}
