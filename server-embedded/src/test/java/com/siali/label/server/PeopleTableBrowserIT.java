package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.siali.label.model.ProfileUpdate;
import com.siali.label.model.User;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #15 item 5, in a real headless Chromium: at 1280 and at 390 px the People table's header
 * cells sit over their columns (a hidden column hides header and cells together), no cell is wider
 * than its column, a 54-character name and a long email truncate with an ellipsis and a title, and
 * no date wraps. Measured from the element geometry, not the text. Screenshots, light and dark, go
 * to {@code screenshots.dir}.
 */
class PeopleTableBrowserIT {
  private static final String LONG_NAME =
      "Maximiliana Evangelina Wolfeschlegelsteinhausen-Bergdorf";

  /**
   * Every mismatch between the header and the cells, as sentences; empty when the table is right.
   */
  private static final String GEOMETRY =
      """
      const problems = [];
      const visible = el => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0;
      const table = document.querySelector('table.people');
      const tableBox = table.getBoundingClientRect();
      if (tableBox.right > document.documentElement.clientWidth + 1) problems.push('table wider than the page');
      const heads = [...table.tHead.rows[0].cells];
      for (const row of table.tBodies[0].rows) {
        const cells = [...row.cells];
        cells.forEach((td, i) => {
          const th = heads[i];
          if (visible(th) !== visible(td)) { problems.push('column ' + i + ': header and cell differ in visibility'); return; }
          if (!visible(td)) return;
          const a = th.getBoundingClientRect(), b = td.getBoundingClientRect();
          if (Math.abs(a.left - b.left) > 1 || Math.abs(a.width - b.width) > 1)
            problems.push('column ' + i + ' (' + th.textContent.trim() + '): header ' + a.left + '+' + a.width + ' vs cell ' + b.left + '+' + b.width);
          for (const child of td.querySelectorAll('*')) {
            if (!visible(child) || child.closest('.truncate') !== null && !child.classList.contains('truncate')) continue;
            const c = child.getBoundingClientRect();
            if (c.right > b.right + 1 || c.left < b.left - 1) problems.push('column ' + i + ': content wider than its cell: ' + child.outerHTML.slice(0, 60));
          }
          for (const time of td.querySelectorAll('time'))
            if (time.getClientRects().length !== 1 || time.getBoundingClientRect().height > parseFloat(getComputedStyle(time).lineHeight) * 1.5)
              problems.push('column ' + i + ': a date wraps: ' + time.textContent);
        });
      }
      return problems;
      """;

  @TempDir Path tmp;
  TestServer app;
  ChromeDriver browser;
  WebDriverWait wait;

  @BeforeEach
  void start() throws Exception {
    app = new TestServer(tmp.resolve("data"), Optional.empty());
    User lead = app.account("lead@example.com");
    User longOne = app.account("ada.lovelace.countess.of.lovelace@analytical-engines.example.org");
    app.services
        .accounts()
        .updateProfile(
            longOne.id(),
            new ProfileUpdate("Maximiliana Evangelina", "Wolfeschlegelsteinhausen-Bergdorf", ""));
    User gone = app.account("gone@example.com");
    app.services.administration().setActive(lead.id(), gone.id(), false);
    app.account("bo@example.com");
    browser = HeadlessChromium.start(tmp.resolve("chromium-profile"), 1280, 900);
    wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(app.base() + "/user/login/");
    browser.findElement(By.id("email")).sendKeys("lead@example.com");
    browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    wait.until(ExpectedConditions.urlToBe(app.base() + "/"));
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

  private void viewport(int width, boolean dark) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", width < 600));
    browser.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of(
            "features",
            List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
  }

  @SuppressWarnings("unchecked")
  private List<String> problems() {
    return (List<String>) browser.executeScript(GEOMETRY);
  }

  private void shot(String name) throws Exception {
    HeadlessChromium.shot(browser, name);
  }

  @Test
  void headersMatchTheirColumnsAndLongValuesTruncateAt1280And390() throws Exception {
    for (int width : new int[] {1280, 390}) {
      for (boolean dark : new boolean[] {false, true}) {
        viewport(width, dark);
        browser.get(app.base() + "/people/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.people")));
        assertThat(problems()).as("at " + width + " px").isEmpty();
        var name = browser.findElement(By.cssSelector("a.truncate[title='" + LONG_NAME + "']"));
        assertThat(name.getCssValue("text-overflow")).isEqualTo("ellipsis");
        assertThat(
                (Boolean)
                    browser.executeScript(
                        "return arguments[0].scrollWidth > arguments[0].clientWidth;", name))
            .as("the long name is cut at " + width + " px")
            .isTrue();
        assertThat(browser.findElements(By.cssSelector(".badge.deactivated"))).hasSize(1);
        shot("people-" + width + (dark ? "-dark" : "-light"));
      }
    }
    viewport(390, false);
    browser.get(app.base() + "/people/");
    assertThat(browser.findElement(By.cssSelector("th.email")).isDisplayed()).isFalse();
    assertThat(browser.findElement(By.cssSelector("td.email")).isDisplayed()).isFalse();
  }

  @Test
  void theOwnersPagesLookRightLightAndDark() throws Exception {
    long id = app.services.people().findByEmail("bo@example.com").orElseThrow().id();
    for (int width : new int[] {1280, 390}) {
      for (boolean dark : new boolean[] {false, true}) {
        String suffix = width + (dark ? "-dark" : "-light");
        viewport(width, dark);
        browser.get(app.base() + "/people/" + id + "/");
        shot("person-" + suffix);
        browser.get(app.base() + "/people/" + id + "/delete/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("bo");
        shot("delete-" + suffix);
        browser.get(app.base() + "/people/" + id + "/");
        browser.findElement(By.cssSelector("form[action$='/reset-password'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reset-link")));
        assertThat(browser.findElement(By.cssSelector("svg.qr")).getSize().getWidth())
            .isEqualTo(220);
        shot("reset-link-" + suffix);
        String link = browser.findElement(By.id("reset-link")).getAttribute("value");
        browser.get(app.base() + link.substring(link.indexOf("/user/")));
        shot("reset-password-" + suffix);
      }
    }
  }
}
