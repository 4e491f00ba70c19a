package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for the browser tests: loopback only, a fresh profile per browser, the console
 * captured.
 */
final class Chromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private Chromium() {}

  /** A developer machine without Chromium may skip; CI must never silently skip. */
  static void assumeAvailable() {
    Assumptions.assumeTrue(
        Files.isExecutable(DRIVER) || "true".equals(System.getenv("CI")),
        "no /usr/bin/chromedriver (install chromium and chromium-driver to run the browser test)");
  }

  /** A driver service of its own; quitting a browser stops the service it runs on. */
  static ChromeDriverService service() {
    return new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(DRIVER.toString()))
        .usingAnyFreePort()
        .build();
  }

  /** A headless browser on {@code service} with a fresh profile in {@code profileDir}. */
  static WebDriver open(ChromeDriverService service, Path profileDir) throws IOException {
    Files.createDirectories(profileDir);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toString());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,800",
        "--user-data-dir=" + profileDir.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    return new ChromeDriver(service, options);
  }

  /** Quits the browser, then stops its service; either may be null. */
  static void quit(WebDriver driver, ChromeDriverService service) {
    try {
      if (driver != null) driver.quit();
    } finally {
      if (service != null) service.stop();
    }
  }

  /** The browser console so far, one "LEVEL message" a line. */
  static String consoleLog(WebDriver d) {
    return d.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(e -> e.getLevel() + " " + e.getMessage())
        .collect(Collectors.joining("\n"));
  }

  static List<String> severeConsoleErrors(WebDriver d) {
    return d.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .map(LogEntry::getMessage)
        .collect(Collectors.toList());
  }

  static void assertNoConsoleErrors(WebDriver d) {
    assertThat(severeConsoleErrors(d)).as("browser console errors").isEmpty();
  }

  /** Saves a screenshot to target/screenshots under the module's base directory. */
  static void screenshot(WebDriver d, String name) throws IOException {
    Path dir = Path.of(System.getProperty("basedir", ".")).resolve("target/screenshots");
    Files.createDirectories(dir);
    File shot = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
