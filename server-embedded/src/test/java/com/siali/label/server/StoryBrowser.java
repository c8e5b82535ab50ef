package com.siali.label.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium ({@link HeadlessChromium}) walking the seed's story on one base URL: the
 * steps a person takes on our pages, shared by {@link TeamStoryBrowserIT} (one server) and
 * app-desktop's {@code NginxClusterBrowserIT} (two nodes behind nginx).
 */
public final class StoryBrowser implements AutoCloseable {
  private final ChromeDriver browser;
  private final WebDriverWait wait;
  private final String base;

  public StoryBrowser(Path profile, String base) {
    this.browser = HeadlessChromium.start(profile, 1100, 1000);
    this.wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    this.base = base;
  }

  public ChromeDriver driver() {
    return browser;
  }

  public void open(String path) {
    browser.get(base + path);
  }

  public void shot(String name) throws Exception {
    HeadlessChromium.shot(browser, name);
  }

  public String pageSource() {
    return browser.getPageSource();
  }

  public void logIn(String email, String password) throws Exception {
    open("/user/login/");
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button.primary")).click();
    arrive("/", "login-" + email);
  }

  /** Waits for {@code path}; on time-out keeps a screenshot of where the browser got stuck. */
  public void arrive(String path, String what) throws Exception {
    try {
      wait.until(ExpectedConditions.urlToBe(base + path));
    } catch (org.openqa.selenium.TimeoutException stuck) {
      shot("stuck-" + what.replaceAll("[^a-z0-9]+", "-"));
      throw new AssertionError(
          what
              + " did not reach "
              + path
              + "; page says: "
              + browser.findElement(By.tagName("body")).getText(),
          stuck);
    }
  }

  public void awaitUrlContaining(String part) {
    wait.until(ExpectedConditions.urlContains(part));
  }

  public void awaitTitleContaining(String part) {
    wait.until(ExpectedConditions.titleContains(part));
  }

  public void logOut() {
    browser.findElement(By.cssSelector("form[action='/user/logout/'] button")).click();
    awaitUrlContaining("/user/login/");
  }

  /**
   * The path and query of the invitation link shown on People (its host may be a LAN address, not
   * the test's).
   */
  public String invitationPath() {
    URI link = URI.create(browser.findElement(By.id("invite-link")).getDomAttribute("value"));
    return link.getRawPath() + "?" + link.getRawQuery();
  }

  /** Signs up on the invitation page at {@code invitation}; arrives signed in at home. */
  public void signUp(String invitation, String email, String password) throws Exception {
    open(invitation);
    browser.findElement(By.id("email")).sendKeys(email);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button.primary")).click();
    arrive("/", "signup-" + email);
  }

  /** On Account &amp; Settings: the name saved. */
  public void saveName(String first, String last) {
    open("/user/account/");
    browser.findElement(By.id("first_name")).sendKeys(first);
    browser.findElement(By.id("last_name")).sendKeys(last);
    browser.findElement(By.cssSelector("form.grid button")).click();
    awaitUrlContaining("done=profile");
  }

  /** On Account &amp; Settings: {@code picture} uploaded. */
  public void uploadPicture(Path picture) {
    browser.findElement(By.id("avatar")).sendKeys(picture.toString());
    browser.findElement(By.cssSelector("form[enctype='multipart/form-data'] button")).click();
    awaitUrlContaining("done=avatar");
  }

  /** The width of the large picture the page shows as loaded (0: it did not load). */
  public Object shownPictureWidth() {
    var avatar = browser.findElement(By.cssSelector("img.avatar.large"));
    return ((JavascriptExecutor) browser)
        .executeScript("return arguments[0].naturalWidth;", avatar);
  }

  /** People, searched for {@code words}: the number of rows found. */
  public int searchPeople(String words) {
    open("/people/");
    browser.findElement(By.id("q")).sendKeys(words);
    browser.findElement(By.cssSelector("form.search button")).click();
    awaitUrlContaining("q=" + words);
    return browser.findElements(By.cssSelector("table.people tbody tr")).size();
  }

  /** Reset Link on People; returns the new link's path and query. */
  public String resetInvitationLink() {
    open("/people/");
    browser.findElement(By.cssSelector("form[action='/people/invite/reset'] button")).click();
    awaitUrlContaining("invite=reset");
    return invitationPath();
  }

  @Override
  public void close() {
    browser.quit();
  }
}
