package com.siali.label.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LAN server's layers (docs/ARCHITECTURE.md): handlers parse, call a service and render; the
 * HTTP layer knows no page; nothing reaches below the services.
 */
class ServerArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importProduction() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.siali.label.server");
  }

  @Test
  void serverNeverReachesIntoTheDesktopApp() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.siali.label.app..")
        .because(
            "app-desktop wires the server, never the reverse"
                + " (app-desktop -> server-embedded -> shared-model)")
        .check(classes);
  }

  @Test
  void noToolkitInTheServer() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("javafx..")
        .because("the LAN server must run headless on a server without a display")
        .check(classes);
  }

  @Test
  void theServerWorksThroughServicesNeverTheDatabase() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.siali.label.persistence..", "com.siali.label.search..", "org.jooq..", "java.sql..")
        .because(
            "handlers parse the request, call a service and render; transactions and queries are"
                + " the services' business")
        .check(classes);
  }

  @Test
  void theHttpLayerKnowsNoPage() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.server.http..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.siali.label.server.handler..",
            "com.siali.label.server.api..",
            "com.siali.label.server.view..")
        .because("server.http is the thin layer over Undertow that every page and API shares")
        .check(classes);
  }

  @Test
  void pagesAndApiDoNotCallEachOther() {
    noClasses()
        .that()
        .resideInAPackage("com.siali.label.server.handler..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.siali.label.server.api..")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("io.undertow..")
        .because(
            "a page handler takes a WebRequest and gives a WebResponse; shared rules live in the"
                + " services")
        .check(classes);
  }

  @Test
  void packagesFormNoCycle() {
    slices()
        .matching("com.siali.label.server.(*)..")
        .should()
        .beFreeOfCycles()
        .because("http is below view, view below the handlers and the API")
        .check(classes);
  }
}
