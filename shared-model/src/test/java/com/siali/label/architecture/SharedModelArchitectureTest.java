package com.siali.label.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of shared-model (docs/ARCHITECTURE.md): model ← service ← search ← persistence, one
 * way; a wrong import fails the build with the reason.
 */
class SharedModelArchitectureTest {
  private static final String[] SHARED_MODEL = {
    "com.siali.label.model..",
    "com.siali.label.service..",
    "com.siali.label.search..",
    "com.siali.label.persistence..",
    "com.siali.label.security.."
  };
  private static JavaClasses classes;

  @BeforeAll
  static void importProduction() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(SHARED_MODEL);
  }

  @Test
  void sharedModelDependsOnNoOtherModule() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.siali.label.server..", "com.siali.label.app..")
        .because(
            "shared-model is the base every interface builds on; it must not know who calls it")
        .check(classes);
  }

  @Test
  void noHttpAndNoToolkitInTheSharedModel() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.undertow..", "javafx..")
        .because(
            "HTTP is the LAN server's concern and the window the desktop app's; services are"
                + " shared with the console, the CLI and headless servers")
        .check(classes);
  }

  @Test
  void modelDependsOnNothingElseOfOurs() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.siali.label.service..",
            "com.siali.label.search..",
            "com.siali.label.persistence..",
            "com.siali.label.security..",
            "org.jooq..",
            "java.sql..")
        .because("domain types are plain immutable values that every layer can use")
        .check(classes);
  }

  @Test
  void onlyPersistenceAndSearchReadTheDatabase() {
    noClasses()
        .that()
        .resideOutsideOfPackages("com.siali.label.persistence..", "com.siali.label.search..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.siali.label.persistence.jooq..", "java.sql..", "org.h2..")
        .because(
            "repositories map rows to domain types, and the People search reads its index-only"
                + " scans itself (ADR 0011); services work with the model")
        .check(classes);
  }

  @Test
  void servicesHoldOnlyTheTransactionTokenOfJooq() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.service..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("org.jooq..").and(not(equivalentTo(DSLContext.class))))
        .because(
            "a service passes the DSLContext that Database.inTransaction gives it to repositories"
                + " and builds no query of its own")
        .check(classes);
  }

  @Test
  void persistenceCallsNeitherServicesNorTheSearch() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.siali.label.service..", "com.siali.label.search..")
        .because(
            "services own transactions and call repositories; the search copy follows the"
                + " repositories' ChangeFeed, never the other way round")
        .check(classes);
  }

  @Test
  void theSearchCallsNoService() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.search..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.siali.label.service..")
        .because("PeopleDirectory asks the search for a page inside its own transaction")
        .check(classes);
  }

  @Test
  void packagesFormNoCycle() {
    slices()
        .matching("com.siali.label.(*)..")
        .should()
        .beFreeOfCycles()
        .because("each layer builds on the ones below it only")
        .check(classes);
  }
}
