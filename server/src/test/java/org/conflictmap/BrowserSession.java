package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.conflictmap.config.Config;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test starts with: the app on port 0 with its data in {@code tmp/data}, and a
 * headless Chromium (see {@link Chromium}) with a fresh profile; closing quits the browser, then
 * stops the app.
 */
final class BrowserSession implements AutoCloseable {
  private final App app;
  private final ChromeDriverService service;
  private final WebDriver driver;
  private final Duration timeout;
  private Supplier<String> context = () -> "";

  private BrowserSession(App app, ChromeDriverService service, WebDriver driver, Duration timeout) {
    this.app = app;
    this.service = service;
    this.driver = driver;
    this.timeout = timeout;
  }

  /**
   * The app with the sample data or without, and a browser whose profile is {@code tmp/profile}.
   */
  static BrowserSession start(Path tmp, String profile, Duration timeout, boolean sample)
      throws IOException {
    return start(tmp, profile, timeout, c -> c.withSample(sample));
  }

  /**
   * The app on {@code Config.defaults()} as {@code config} changes it (port 0 and the data dir are
   * set here); skips the test where Chromium is missing, as {@link Chromium#assumeAvailable} says.
   */
  static BrowserSession start(
      Path tmp, String profile, Duration timeout, UnaryOperator<Config> config) throws IOException {
    Chromium.assumeAvailable();
    Path dataDir = Files.createDirectories(tmp.resolve("data"));
    App app = App.start(config.apply(Config.defaults().withPort(0).withDataDir(dataDir)));
    ChromeDriverService service = null;
    try {
      service = Chromium.service();
      return new BrowserSession(
          app, service, Chromium.open(service, tmp.resolve(profile)), timeout);
    } catch (IOException | RuntimeException e) {
      try {
        Chromium.quit(null, service);
      } finally {
        app.close();
      }
      throw e;
    }
  }

  /** Closes {@code session} where a test's setup got as far as making one. */
  static void close(BrowserSession session) {
    if (session != null) session.close();
  }

  App app() {
    return app;
  }

  WebDriver driver() {
    return driver;
  }

  /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
  String origin() {
    return "http://127.0.0.1:" + app.port();
  }

  /** More to say when a wait times out, beside the URL and the console. */
  void context(Supplier<String> context) {
    this.context = context;
  }

  private JavascriptExecutor js() {
    return (JavascriptExecutor) driver;
  }

  /** Runs {@code script} in the page; what it returns, as Selenium converts it. */
  Object script(String script, Object... args) {
    return js().executeScript(script, args);
  }

  /** Runs {@code script} in the page and waits for it to call its last argument back. */
  Object asyncScript(String script, Object... args) {
    return js().executeAsyncScript(script, args);
  }

  /**
   * Waits until {@code done} gives neither null nor false (elements not found yet count as not
   * done); a timeout fails with {@code what}, the page's URL and the browser console.
   */
  <T> T waitFor(String what, Function<WebDriver, T> done) {
    return waitFor(timeout, what, done);
  }

  <T> T waitFor(Duration within, String what, Function<WebDriver, T> done) {
    try {
      return new WebDriverWait(driver, within).until(done::apply);
    } catch (TimeoutException e) {
      String more = context.get();
      throw new AssertionError(
          "timed out waiting for "
              + what
              + " (at "
              + currentUrl()
              + (more.isEmpty() ? "" : "; " + more)
              + "); browser console:\n"
              + Chromium.consoleLog(driver),
          e);
    }
  }

  private String currentUrl() {
    try {
      return driver.getCurrentUrl();
    } catch (RuntimeException e) {
      return "an unknown URL: " + e.getMessage();
    }
  }

  /** Sets an input's value, found by id, and fires input and change as typing would. */
  void type(String id, String value) {
    js().executeScript(
            "const i = document.getElementById(arguments[0]); i.value = arguments[1];"
                + "i.dispatchEvent(new Event('input', {bubbles: true}));"
                + "i.dispatchEvent(new Event('change', {bubbles: true}));",
            id,
            value);
  }

  /**
   * Sets an input's value and fires input and change; date inputs take typed keys in the browser's
   * locale format, so setting the ISO value is locale-proof.
   */
  void setValue(WebElement input, String value) {
    script(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        input,
        value);
  }

  long number(String script) {
    Object value = js().executeScript(script);
    assertThat(value).as(script).isInstanceOf(Number.class);
    return ((Number) value).longValue();
  }

  @SuppressWarnings("unchecked")
  List<String> strings(String script) {
    Object value = js().executeScript(script);
    assertThat(value).as(script).isInstanceOf(List.class);
    return ((List<Object>) value).stream().map(String::valueOf).collect(Collectors.toList());
  }

  /** The page's layout viewport, as a device of that size has it (mobile below 600 px). */
  void viewport(int width, int height) {
    ((ChromeDriver) driver)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  /** Saves a screenshot to target/screenshots under the module's base directory. */
  void screenshot(String name) throws IOException {
    Chromium.screenshot(driver, name);
  }

  void assertNoConsoleErrors() {
    Chromium.assertNoConsoleErrors(driver);
  }

  @Override
  public void close() {
    try {
      Chromium.quit(driver, service);
    } finally {
      app.close();
    }
  }
}
