package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The map's edit controls appear only to an editor: a viewer (no token, or an unknown or revoked
 * one) sees no ingest form, no zone drawing or import and no correction buttons in a popup; after
 * signing in with an editor token in the page they are there and an article goes in.
 */
class EditorModeBrowserTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** Everything that writes; the history button and the export links stay for everyone. */
  private static final List<String> EDIT_CONTROLS =
      List.of("#article-form", "#zone-draw", "#zone-import-file", ".zone-actions .file-button");

  @TempDir static Path tmp;
  private static BrowserSession browser;
  private static WebDriver driver;

  @BeforeAll
  static void start() throws IOException {
    browser = BrowserSession.start(tmp, "chrome-profile", TIMEOUT, true);
    driver = browser.driver();
  }

  @AfterAll
  static void stop() {
    BrowserSession.close(browser);
  }

  @Test
  void aViewerSeesNoEditControlsAndAnEditorWhoSignsInDoes() throws IOException {
    load();
    assertThat(role()).isEqualTo("viewer");
    assertThat(visibleEditControls()).as("edit controls for a viewer").isEmpty();
    WebElement popup = openFirstPopup();
    assertThat(popup.findElements(By.cssSelector("[data-testid=history-event]")))
        .as("history is for everyone")
        .anyMatch(WebElement::isDisplayed);
    for (String b : List.of("edit-event", "move-event", "delete-event")) {
      assertThat(popup.findElements(By.cssSelector("[data-testid=" + b + "]")))
          .as(b + " for a viewer")
          .noneMatch(WebElement::isDisplayed);
    }
    assertThat(driver.findElement(By.id("zone-at")).isDisplayed()).as("zone dates").isTrue();
    browser.assertNoConsoleErrors();

    // an editor signs in in the page
    String editor = TestTokens.editor(browser.app());
    signIn(editor);
    browser.waitFor("editing", d -> "editor".equals(role()) ? true : null);
    assertThat(status()).contains("Editing as test-editor");
    assertThat(visibleEditControls())
        .as("edit controls for an editor")
        .containsExactlyInAnyOrderElementsOf(EDIT_CONTROLS);
    assertThat(browser.script("return localStorage.getItem('conflictmap.editorToken')"))
        .isEqualTo(editor);
    assertThat(
            openFirstPopup().findElements(By.cssSelector("[data-testid=edit-event]")).stream()
                .anyMatch(WebElement::isDisplayed))
        .as("the popup's Edit button for an editor")
        .isTrue();

    // and the controls work: an article goes in through the form
    browser.script("window.conflictmap.map.closePopup()");
    driver.findElement(By.id("article-title")).sendKeys("Shelling in Homs");
    driver
        .findElement(By.id("article-body"))
        .sendKeys("On Monday, shelling hit Homs, killing two people, the health ministry said.");
    driver.findElement(By.id("article-submit")).click();
    WebElement ingest = driver.findElement(By.id("ingest-status"));
    browser.waitFor(
        "the ingest to settle",
        d ->
            List.of("success", "duplicate", "error").contains(ingest.getAttribute("data-state"))
                ? true
                : null);
    assertThat(ingest.getAttribute("data-state")).as(ingest.getText()).isEqualTo("success");

    // the token survives a reload; signing out hides the controls again
    load();
    browser.waitFor("editing after a reload", d -> "editor".equals(role()) ? true : null);
    assertThat(visibleEditControls()).contains("#article-form");
    driver.findElement(By.cssSelector("[data-testid=sign-out]")).click();
    browser.waitFor("viewing", d -> "viewer".equals(role()) ? true : null);
    assertThat(visibleEditControls()).as("after signing out").isEmpty();
    assertThat(browser.script("return localStorage.getItem('conflictmap.editorToken')")).isNull();
    browser.assertNoConsoleErrors();

    // a revoked token is dropped and the page stays read-only
    browser.script("localStorage.setItem('conflictmap.editorToken', 'not-a-token')");
    load();
    browser.waitFor("the refusal", d -> status().contains("not valid") ? true : null);
    assertThat(role()).isEqualTo("viewer");
    assertThat(visibleEditControls()).as("with an unknown token").isEmpty();
  }

  private static void signIn(String token) {
    driver.findElement(By.cssSelector("[data-testid=sign-in]")).click();
    WebElement input = driver.findElement(By.cssSelector("[data-testid=sign-in-token]"));
    input.sendKeys(token);
    driver.findElement(By.cssSelector("[data-testid=sign-in-submit]")).click();
  }

  private static List<String> visibleEditControls() {
    return EDIT_CONTROLS.stream()
        .filter(
            sel ->
                driver.findElements(By.cssSelector(sel)).stream().anyMatch(WebElement::isDisplayed))
        .toList();
  }

  private static WebElement openFirstPopup() {
    browser.script("window.conflictmap.map.closePopup()");
    driver.findElement(By.cssSelector("#event-list .event-item")).click();
    return browser.waitFor(
        "a popup", d -> d.findElement(By.cssSelector(".leaflet-popup [data-testid=event-popup]")));
  }

  private static String role() {
    return driver.findElement(By.tagName("body")).getAttribute("data-role");
  }

  private static String status() {
    return driver.findElement(By.cssSelector("[data-testid=sign-in-status]")).getText();
  }

  private static void load() {
    driver.get(browser.origin() + "/");
    browser.waitFor(
        "the initial load",
        d ->
            "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                    && d.findElement(By.tagName("body")).getAttribute("data-role") != null
                ? true
                : null);
  }
}
