package com.siali.label.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module and layer directions of STYLE.md; a wrong import fails the build with the reason. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProduction() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.siali.label");
  }

  @Test
  void sharedModelDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.siali.label.model..",
            "com.siali.label.service..",
            "com.siali.label.persistence..",
            "com.siali.label.security..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.siali.label.server..", "com.siali.label.app..")
        .because(
            "shared-model is the base every interface builds on; it must not know who calls it")
        .check(classes);
  }

  @Test
  void serverNeverReachesIntoTheDesktopApp() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.server..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.siali.label.app..")
        .because(
            "app-desktop wires the server, never the reverse (app-desktop -> server-embedded -> shared-model)")
        .check(classes);
  }

  @Test
  void noJavaFxOutsideTheDesktopApp() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.siali.label.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("javafx..")
        .because("the services and the LAN server must run headless on a server without a display")
        .check(classes);
  }

  @Test
  void noUndertowInTheSharedModel() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "com.siali.label.model..",
            "com.siali.label.service..",
            "com.siali.label.persistence..",
            "com.siali.label.security..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.undertow..")
        .because(
            "HTTP is the LAN server's concern; services are shared with the console and the CLI")
        .check(classes);
  }

  @Test
  void onlyPersistenceTouchesJooqAndJdbc() {
    noClasses()
        .that()
        .resideOutsideOfPackage("com.siali.label.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.siali.label.persistence.jooq..", "java.sql..")
        .because(
            "repositories map rows to domain types; handlers, commands and views work with the model only")
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
            "com.siali.label.persistence..",
            "com.siali.label.security..",
            "org.jooq..")
        .because("domain types are plain immutable values that every layer can use")
        .check(classes);
  }

  @Test
  void repositoriesDoNotCallServices() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.siali.label.service..")
        .because("services own transactions and call repositories, never the other way round")
        .check(classes);
  }

  @Test
  void commandsUseServicesNotTheLauncher() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.app.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.siali.label.app.launcher..")
        .because(
            "commands are thin over services; the launcher is the one composition root that wires them")
        .check(classes);
  }
}
