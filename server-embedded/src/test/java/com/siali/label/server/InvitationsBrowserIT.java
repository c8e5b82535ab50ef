package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #17 in a real headless Chromium: the owner pastes addresses on "Invite by email", gets a
 * link with Copy and a QR code for each, and the invited person's page has the email filled and
 * read-only; the account is made for that address, whatever the page's field was made to say.
 * Screenshots go to {@code screenshots.dir}.
 */
class InvitationsBrowserIT {
  @TempDir Path tmp;
  TestServer app;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void start() {
    app = new TestServer(tmp.resolve("data"), Optional.of(true));
    app.account("lead@example.com");
    browser = HeadlessChromium.start(tmp.resolve("chromium-profile"), 1280, 1000);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
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
  void theOwnerInvitesByEmailAndThePersonSignsUpWithTheirOwnAddress() throws Exception {
    browser.get(app.base() + "/user/login/");
    browser.findElement(By.id("email")).sendKeys("lead@example.com");
    browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(app.base() + "/"));

    browser.get(app.base() + "/people/");
    browser.findElement(By.linkText("Invite by email…")).click();
    wait.until(ExpectedConditions.urlContains("/people/invitations/"));
    browser.findElement(By.id("emails")).sendKeys("ada@example.com, grace@example.com\nnope");
    WebElement days = browser.findElement(By.id("expires_in_days"));
    days.clear();
    days.sendKeys("10");
    browser.findElement(By.cssSelector("form.invite-form button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.issued-link")));

    List<WebElement> links = browser.findElements(By.cssSelector("li.issued-link input"));
    assertThat(links).hasSize(2);
    assertThat(browser.findElements(By.cssSelector("li.issued-link svg.qr"))).hasSize(2);
    assertThat(browser.findElements(By.cssSelector("li.issued-link button[data-copy]"))).hasSize(2);
    assertThat(browser.findElement(By.cssSelector("ul.refused")).getText())
        .contains("nope", "Enter a valid email address.");
    assertThat(browser.findElements(By.cssSelector("table.invitations tbody tr"))).hasSize(2);
    HeadlessChromium.shot(browser, "web-invite-by-email");
    String adaLink = links.getFirst().getAttribute("value");

    // The invited person, in a browser without the lead's session.
    browser.manage().deleteAllCookies();
    browser.get(adaLink.replaceFirst("^http://[^/]+", app.base()));
    WebElement email = browser.findElement(By.id("email"));
    assertThat(email.getAttribute("value")).isEqualTo("ada@example.com");
    assertThat(email.getAttribute("readonly")).isNotNull();
    HeadlessChromium.shot(browser, "web-invited-signup");
    // Even a field edited with the developer tools signs up only the invitation's address.
    browser.executeScript(
        "const e = document.getElementById('email'); e.removeAttribute('readonly');"
            + " e.value = 'mallory@example.com';");
    browser.findElement(By.id("password")).sendKeys("a perfectly fine passphrase");
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(app.base() + "/"));
    assertThat(app.services.people().findByEmail("ada@example.com")).isPresent();
    assertThat(app.services.people().findByEmail("mallory@example.com")).isEmpty();

    browser.manage().deleteAllCookies();
    browser.get(adaLink.replaceFirst("^http://[^/]+", app.base()));
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("This invitation was already used");
    HeadlessChromium.shot(browser, "web-invitation-used");
  }
}
