package com.siali.label.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The desktop app's layers (docs/ARCHITECTURE.md; shared-model and server-embedded check their own
 * in SharedModelArchitectureTest and ServerArchitectureTest): one composition root, thin commands,
 * a window whose view-models work without the toolkit.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProduction() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.siali.label.app");
  }

  @Test
  void theAppWorksThroughServicesNeverTheDatabase() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.siali.label.persistence.jooq..",
            "com.siali.label.search..",
            "org.jooq..",
            "java.sql..")
        .because(
            "commands and the window call services; the launcher opens the database and hands it"
                + " to Services.over")
        .check(classes);
  }

  @Test
  void commandsUseServicesNotTheLauncher() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.app.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.siali.label.app.launcher..", "com.siali.label.app.console..")
        .because(
            "commands are thin over services; the launcher is the one composition root that wires"
                + " them")
        .check(classes);
  }

  @Test
  void viewModelsNeedNoToolkit() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.app.console..")
        .and()
        .haveSimpleNameEndingWith("Model")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("javafx.scene..")
        .because(
            "view-models hold state and validation and are tested without starting the toolkit"
                + " (ADR 0007); only javafx.beans and javafx.collections")
        .check(classes);
  }

  @Test
  void viewsGoThroughTheirViewModels() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.app.console..")
        .and()
        .haveSimpleNameEndingWith("View")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.siali.label.service..",
            "com.siali.label.persistence..",
            "com.siali.label.server..")
        .because("a view binds to its view-model, which calls the services")
        .check(classes);
  }

  @Test
  void theWindowKnowsTheServerOnlyThroughServerStatus() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.app.console..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.siali.label.server",
            "com.siali.label.server.http..",
            "com.siali.label.server.api..")
        .because(
            "the launcher wires the LAN server and shows it to the window through ServerStatus; the"
                + " window must work the same when the server is elsewhere")
        .check(classes);
  }

  @Test
  void consoleFeaturesFormNoCycle() {
    slices()
        .matching("com.siali.label.app.console.(*)..")
        .should()
        .beFreeOfCycles()
        .because("each screen's package stands on common and on no screen that stands on it")
        .check(classes);
  }

  @Test
  void appPackagesFormNoCycle() {
    slices()
        .matching("com.siali.label.app.(*)..")
        .should()
        .beFreeOfCycles()
        .because("the launcher wires cli and console; neither reaches back into it")
        .check(classes);
  }
}
