package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed story in a real headless Chromium (Debian's chromium + chromium-driver): the lead shares
 * the invitation link, a collaborator signs up with it, logs out and in, sets a picture; the lead
 * finds them in People, opens their detail and resets the link, and the old link is refused. A
 * missing browser fails the test.
 */
class TeamStoryBrowserIT {

  @TempDir Path tmp;
  TestServer app;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    app = new TestServer(tmp.resolve("data"), Optional.empty());
    app.account("lead@example.com");
    browser = HeadlessChromium.start(tmp.resolve("chromium-profile"), 1100, 1000);
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

  private void open(String path) {
    browser.get(app.base() + path);
  }

  private void shot(String name) throws Exception {
    HeadlessChromium.shot(browser, name);
  }

  private void logIn(String email, String password) throws Exception {
    open("/user/login/");
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button.primary")).click();
    arrive("/", "login-" + email);
  }

  /** Waits for {@code path}; on time-out keeps a screenshot of where the browser got stuck. */
  private void arrive(String path, String what) throws Exception {
    try {
      wait.until(ExpectedConditions.urlToBe(app.base() + path));
    } catch (org.openqa.selenium.TimeoutException stuck) {
      shot("stuck-" + what.replaceAll("[^a-z0-9]+", "-"));
      throw new AssertionError(
          what
              + " did not reach "
              + path
              + "; page says: "
              + browser.findElement(By.tagName("main")).getText(),
          stuck);
    }
  }

  private void logOut() {
    browser.findElement(By.cssSelector("form[action='/user/logout/'] button")).click();
    wait.until(ExpectedConditions.urlContains("/user/login/"));
  }

  /**
   * The path and query of the invitation link shown on People (its host is a LAN address, not this
   * test's).
   */
  private String invitationPath() {
    URI link = URI.create(browser.findElement(By.id("invite-link")).getDomAttribute("value"));
    return link.getRawPath() + "?" + link.getRawQuery();
  }

  @Test
  void theTeamStory() throws Exception {
    open("/user/login/");
    shot("01-login");
    logIn("lead@example.com", TestServer.PASSWORD);
    shot("02-home");
    open("/people/");
    String invitation = invitationPath();
    assertThat(browser.findElement(By.cssSelector("img.qr")).getDomProperty("naturalWidth"))
        .isNotEqualTo("0");
    shot("03-people-with-invitation");
    logOut();

    open(invitation);
    shot("04-signup-by-invitation");
    browser.findElement(By.id("email")).sendKeys("maria.garcia@example.com");
    browser.findElement(By.id("password")).sendKeys("a perfectly fine passphrase");
    browser.findElement(By.cssSelector("button.primary")).click();
    arrive("/", "signup");
    assertThat(browser.getPageSource()).contains("Welcome, maria.garcia@example.com");
    logOut();
    logIn("maria.garcia@example.com", "a perfectly fine passphrase");

    open("/user/account/");
    browser.findElement(By.id("first_name")).sendKeys("María");
    browser.findElement(By.id("last_name")).sendKeys("García");
    browser.findElement(By.cssSelector("form.grid button")).click();
    wait.until(ExpectedConditions.urlContains("done=profile"));
    Path picture = tmp.resolve("me.png");
    Files.write(picture, Pictures.png(800, 600));
    browser.findElement(By.id("avatar")).sendKeys(picture.toString());
    browser.findElement(By.cssSelector("form[enctype='multipart/form-data'] button")).click();
    wait.until(ExpectedConditions.urlContains("done=avatar"));
    var avatar = browser.findElement(By.cssSelector("img.avatar.large"));
    assertThat(
            ((JavascriptExecutor) browser)
                .executeScript("return arguments[0].naturalWidth;", avatar))
        .isEqualTo(512L);
    shot("05-account-with-picture");
    logOut();

    logIn("lead@example.com", TestServer.PASSWORD);
    open("/people/");
    browser.findElement(By.id("q")).sendKeys("garc");
    browser.findElement(By.cssSelector("form.search button")).click();
    wait.until(ExpectedConditions.urlContains("q=garc"));
    assertThat(browser.findElements(By.cssSelector("table.people tbody tr"))).hasSize(1);
    shot("06-people-search");
    browser.findElement(By.linkText("María García")).click();
    wait.until(ExpectedConditions.titleContains("María García"));
    assertThat(browser.getPageSource()).contains("maria.garcia@example.com", "Last activity");
    shot("07-person-detail");

    open("/people/");
    browser.findElement(By.cssSelector("form[action='/people/invite/reset'] button")).click();
    wait.until(ExpectedConditions.urlContains("invite=reset"));
    String fresh = invitationPath();
    assertThat(fresh).isNotEqualTo(invitation);
    logOut();
    open(invitation);
    assertThat(browser.getPageSource()).contains("This invitation link is no longer valid");
    shot("08-old-invitation-refused");
    open(fresh);
    assertThat(browser.findElements(By.id("email"))).hasSize(1);
  }
}
