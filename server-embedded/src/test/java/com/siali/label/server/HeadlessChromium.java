package com.siali.label.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, driven headless, for the {@code *BrowserIT} tier: the one place for its
 * binary, its options and where screenshots go ({@code -Dscreenshots.dir}, default {@code
 * target/screenshots}).
 */
public final class HeadlessChromium {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private HeadlessChromium() {}

  /** A new browser with its own profile in {@code profile}, its window {@code width × height}. */
  public static ChromeDriver start(Path profile, int width, int height) {
    assertThat(new File(CHROMIUM))
        .as(
            "Chromium is needed for browser tests: apt-get install chromium chromium-driver"
                + " (.ci/run does)")
        .exists();
    assertThat(new File(CHROMEDRIVER)).as("chromedriver: apt-get install chromium-driver").exists();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    return new ChromeDriver(
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build(),
        options);
  }

  /** Saves what {@code browser} shows as {@code name.png} in the screenshots directory. */
  public static void shot(ChromeDriver browser, String name) throws IOException {
    Path screenshots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    Files.createDirectories(screenshots);
    Files.write(screenshots.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }
}
