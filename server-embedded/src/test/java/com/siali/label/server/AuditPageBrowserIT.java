package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #17 item 5 in Chromium: the owner's History page lists the events newest first, searches as
 * you type (app.js sends the form) and keeps the filter in the export links. Kept as screenshots.
 */
class AuditPageBrowserIT {
  @TempDir Path tmp;
  TestServer app;
  ChromeDriver browser;

  @BeforeEach
  void start() {
    app = new TestServer(tmp.resolve("data"), Optional.of(false));
    User lead = app.account("lead@example.com");
    User ada = app.account("ada@example.com");
    app.services.administration().setActive(lead.id(), ada.id(), false);
    app.services.administration().setActive(lead.id(), ada.id(), true);
    browser = HeadlessChromium.start(tmp.resolve("chromium-profile"), 1280, 900);
    browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  @Test
  void theOwnerSearchesTheHistoryAsTheyType() throws Exception {
    browser.get(app.base() + "/user/login/");
    browser.findElement(By.id("email")).sendKeys("lead@example.com");
    browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
    browser.findElement(By.cssSelector("button.primary")).click();
    browser.findElement(By.linkText("History")).click();
    assertThat(browser.findElements(By.cssSelector("table.audit tbody tr"))).hasSize(5);
    assertThat(browser.findElement(By.cssSelector("table.audit tbody tr")).getText())
        .contains("Logged in", "lead@example.com", "127.0.0.1");
    HeadlessChromium.shot(browser, "audit-page");

    browser.findElement(By.id("q")).sendKeys("ada@");
    new WebDriverWait(browser, Duration.ofSeconds(5))
        .until(b -> b.getCurrentUrl().contains("q=ada"));
    assertThat(browser.findElements(By.cssSelector("table.audit tbody tr"))).hasSize(3);
    assertThat(browser.findElement(By.partialLinkText("Export CSV")).getAttribute("href"))
        .contains("/api/audit?", "q=ada", "format=csv");
    HeadlessChromium.shot(browser, "audit-page-searched");
  }
}
