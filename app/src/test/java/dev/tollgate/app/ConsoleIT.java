package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.files.TokenFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web console of the real jar in a real Chromium, as one person would use it: the bootstrap
 * admin pastes its token, creates a database token and sees its string once, searches, sorts,
 * edits, rotates, revokes behind the confirmation, creates, rotates and revokes management tokens,
 * signs out; the holder of a management token is not offered management-token creation. No
 * request leaves the server's origin, the browser logs no error, and no token string reaches its
 * log or stays in the page once dismissed. Screenshots go to {@code target/console-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

  @TempDir
  static Path work;

  private TollgateJar.Server server;
  private ConsoleBrowser browser;
  private String base;
  private String admin;
  /** Every token string the page showed, checked against the browser's log at the end. */
  private final List<String> shown = new java.util.ArrayList<>();
  private String managementToken;
  /** The string of "alpha dashboard", made through the API. */
  private String databaseToken;

  @BeforeAll
  void start() throws Exception {
    server = new TollgateJar.Server(work.resolve("data"), work.resolve("server.log")).start();
    base = server.httpAddress();
    admin = TokenFile.read(work.resolve("data/admin-token.json"));
    HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base + "/api/v0/tokens")).header("Authorization", "Bearer " + admin)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
            "{\"description\": \"alpha dashboard\", \"permissions\": [{\"action\": \"read\","
                + " \"resource\": \"*\"}]}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(200);
    databaseToken = new ObjectMapper().readTree(created.body()).get("accessToken").asText();
    browser = new ConsoleBrowser(work.resolve("chromium-profile"));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      server.close();
    }
  }

  @Test
  @Order(1)
  void root_opensTheSignIn_andTheBootstrapTokenSignsIn() {
    browser.driver.get(base + "/");
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
    assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/console/");
    assertThat(browser.byId("sign-in").getText()).contains("OAuth 2.0 with PKCE",
        "--oauth-console-client-id");
    assertThat(browser.byId("oauth-button").isDisplayed()).isFalse();
    assertEveryControlLabelled();
    browser.screenshot("1-sign-in");
    browser.byId("credential").sendKeys("M.V1.notatoken");
    browser.find(By.cssSelector("#sign-in-form button[type=submit]")).click();
    assertThat(browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("error"))).getText())
        .startsWith("Tollgate does not accept this token");
    assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
    browser.byId("credential").sendKeys(databaseToken);
    browser.find(By.cssSelector("#sign-in-form button[type=submit]")).click();
    browser.until(d -> browser.byId("error").getText().startsWith("a database token cannot manage"));
    assertThat(browser.byId("nav").isDisplayed()).isFalse();

    signIn(admin, true);

    assertThat(browser.byId("nav-management").isDisplayed()).isTrue();
    assertThat(browser.byId("db-create").isDisplayed()).isTrue();
    browser.until(d -> rows("db-table").size() == 1);
    assertThat(text("db-table", "alpha dashboard", "permissions")).isEqualTo("every database: read");
    assertThat(browser.byId("credential").getAttribute("value")).isEmpty();
  }

  @Test
  @Order(2)
  void create_showsTheStringOnce_andDismissingRemovesItFromThePage() {
    browser.byId("db-create").click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-db")));
    browser.byId("db-description").sendKeys("telegraf metrics");
    browser.find(By.cssSelector("#create-db .perm-db")).sendKeys("metrics");
    browser.find(By.cssSelector("#create-db .perm-write")).click();
    new Select(browser.byId("expiry")).selectByVisibleText("in 30 days");
    assertEveryControlLabelled();
    browser.screenshot("2-create-database-token");
    browser.find(By.cssSelector("#create-db button[type=submit]")).click();

    String secret = readSecretOnce("apiv1_");
    browser.until(d -> row("db-table", "telegraf metrics"));
    assertThat(text("db-table", "telegraf metrics", "status")).isEqualTo("expires in 30 days");
    assertThat(text("db-table", "telegraf metrics", "permissions")).isEqualTo("metrics: write");
    assertThat(text("db-table", "telegraf metrics", "expires")).endsWith("UTC");
    assertThat(text("db-table", "telegraf metrics", "lastUsed")).isEqualTo("never");
    browser.screenshot("3-database-tokens");
    assertThat(secret).isNotEmpty();
  }

  @Test
  @Order(3)
  void searchAndSort_narrowAndOrderTheTable() {
    browser.byId("db-search").sendKeys("TELEGRAF");
    browser.until(d -> rows("db-table").size() == 1);
    assertThat(cell(rows("db-table").get(0), "description")).isEqualTo("telegraf metrics");
    browser.byId("db-search").clear();
    browser.byId("db-search").sendKeys("every database");
    browser.until(d -> rows("db-table").size() == 1
        && cell(rows("db-table").get(0), "description").equals("alpha dashboard"));
    browser.script("const s = document.getElementById('db-search'); s.value = '';"
        + " s.dispatchEvent(new Event('input'));");
    browser.until(d -> rows("db-table").size() == 2);

    browser.find(By.cssSelector("#db-table button[data-sort=description]")).click();
    assertThat(descriptions()).containsExactly("alpha dashboard", "telegraf metrics");
    browser.find(By.cssSelector("#db-table button[data-sort=description]")).click();
    assertThat(descriptions()).containsExactly("telegraf metrics", "alpha dashboard");
    assertThat(browser.find(By.cssSelector("#db-table th[aria-sort=descending]")).getText())
        .startsWith("Description");
  }

  @Test
  @Order(4)
  void edit_changesDescriptionAndPermissions() {
    row("db-table", "telegraf metrics").findElement(By.cssSelector("[data-action=edit]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-db")));
    WebElement description = browser.byId("db-description");
    description.clear();
    description.sendKeys("telegraf writer");
    browser.byId("perm-add").click();
    List<WebElement> names = browser.driver.findElements(By.cssSelector("#edit-db .perm-db"));
    names.get(names.size() - 1).sendKeys("logs");
    List<WebElement> reads = browser.driver.findElements(By.cssSelector("#edit-db .perm-read"));
    reads.get(reads.size() - 1).click();
    assertEveryControlLabelled();
    browser.find(By.cssSelector("#edit-db button[type=submit]")).click();

    browser.until(d -> row("db-table", "telegraf writer"));
    assertThat(text("db-table", "telegraf writer", "permissions")).contains("logs: read", "metrics: write");
  }

  @Test
  @Order(5)
  void rotate_showsTheNewStringOnce() {
    row("db-table", "telegraf writer").findElement(By.cssSelector("[data-action=rotate]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("rotate-db")));
    new Select(browser.byId("overlap")).selectByVisibleText("one hour");
    browser.find(By.cssSelector("#rotate-db button[type=submit]")).click();

    String secret = readSecretOnce("apiv1_");
    assertThat(shown.indexOf(secret)).as("a new string").isEqualTo(shown.size() - 1);
  }

  @Test
  @Order(6)
  void revoke_asksToConfirmNamingTheToken_thenTheTokenIsShownRevoked() {
    row("db-table", "telegraf writer").findElement(By.cssSelector("[data-action=revoke]")).click();
    WebElement dialog = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("revoke")));
    String id = row("db-table", "telegraf writer").getAttribute("data-id");
    assertThat(dialog.getText()).contains("telegraf writer", id,
        "every client using this token will stop working");
    WebElement confirm = dialog.findElement(By.cssSelector("button[type=submit]"));
    assertThat(confirm.isEnabled()).as("Revoke before the confirmation").isFalse();
    browser.screenshot("4-revoke-confirmation");
    // by keyboard alone: Space ticks the confirmation, Enter presses the focused button
    browser.byId("revoke-understood").sendKeys(Keys.SPACE);
    confirm.sendKeys(Keys.ENTER);

    browser.until(d -> rows("db-table").size() == 1);
    browser.byId("db-inactive").click();
    assertThat(text("db-table", "telegraf writer", "status")).isEqualTo("revoked");
    assertThat(row("db-table", "telegraf writer").findElements(By.cssSelector("[data-action]")))
        .isEmpty();
  }

  @Test
  @Order(7)
  void managementTokens_theBootstrapAdminCreatesRotatesAndRevokes_andWhoAmISaysWhoSignedIn() {
    browser.byId("nav-management").click();
    createManagementToken("old automation");
    createManagementToken("ci pipeline");
    browser.until(d -> row("mgmt-table", "ci pipeline")).findElement(By.cssSelector(
        "[data-action=rotate]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("rotate-mgmt")));
    new Select(browser.byId("overlap")).selectByVisibleText("not at all: it stops now");
    browser.find(By.cssSelector("#rotate-mgmt button[type=submit]")).click();
    managementToken = readSecretOnce("M.V1.");
    row("mgmt-table", "old automation").findElement(By.cssSelector("[data-action=revoke]")).click();
    WebElement dialog = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("revoke")));
    assertThat(dialog.getText()).contains("management token “old automation”");
    browser.byId("revoke-understood").click();
    dialog.findElement(By.cssSelector("button[type=submit]")).click();
    browser.until(d -> rows("mgmt-table").size() == 1);

    assertThat(text("mgmt-table", "ci pipeline", "status")).isEqualTo("active");
    assertThat(text("mgmt-table", "ci pipeline", "createdBy")).isEqualTo("bootstrap-admin");
    assertEveryControlLabelled();
    browser.screenshot("5-management-tokens");

    browser.find(By.cssSelector("nav button[data-page=whoami]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("whoami")));
    assertThat(fact("Kind")).isEqualTo("bootstrap-admin");
    assertThat(fact("May")).contains("createManagementToken", "changeDatabaseTokens");
    browser.screenshot("6-who-am-i");
    browser.find(By.cssSelector("nav button[data-page=database-tokens]")).click();
  }

  @Test
  @Order(8)
  void auditTrail_showsWhoDidWhat_filteredByTokenAndTime() {
    // read again while the table may still be re-drawn by the page just opened
    String id = browser.until(d -> {
      WebElement row = row("db-table", "telegraf writer");
      return row == null ? null : row.getAttribute("data-id");
    });
    browser.find(By.cssSelector("nav button[data-page=audit]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-form")));
    assertEveryControlLabelled();
    browser.byId("audit-token").sendKeys(id);
    browser.find(By.cssSelector("#audit-form button[type=submit]")).click();

    browser.until(d -> rows("audit-table").size() == 4);
    assertThat(rows("audit-table")).extracting(r -> cell(r, "event"))
        .containsExactly("created", "updated", "rotated", "revoked");
    assertThat(rows("audit-table")).extracting(r -> cell(r, "actor")).containsOnly("bootstrap-admin");
    assertThat(rows("audit-table").get(1).getText()).contains("telegraf metrics", "telegraf writer");
    browser.screenshot("7-audit-trail");

    // since tomorrow, in the page's own time zone: nothing yet
    browser.script("document.getElementById('audit-since').value = arguments[0]",
        java.time.LocalDateTime.now().plusDays(1).withNano(0).toString().substring(0, 16));
    browser.find(By.cssSelector("#audit-form button[type=submit]")).click();
    browser.until(d -> rows("audit-table").isEmpty()
        && browser.byId("audit-count").getText().equals("0 events shown"));
  }

  @Test
  @Order(9)
  void replica_saysItHasLoadedEveryToken() {
    browser.find(By.cssSelector("nav button[data-page=replica]")).click();
    String loaded = browser.until(d -> fact("Loaded"));
    assertThat(loaded).isEqualTo("yes");
    assertThat(Long.parseLong(fact("Live tokens in memory"))).isPositive();
    assertThat(fact("Change notifications")).contains("polling");
    browser.screenshot("8-replica");
  }

  @Test
  @Order(10)
  void at200PercentZoom_everyPageFitsItsWidth() {
    // 1280 px at 200% zoom leaves 640 CSS pixels: what the page must fit without scrolling sideways
    org.openqa.selenium.Dimension size = browser.driver.manage().window().getSize();
    browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(640, 900));
    try {
      for (String page : List.of("database-tokens", "management-tokens", "audit", "replica",
          "whoami")) {
        browser.find(By.cssSelector("nav button[data-page=" + page + "]")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id(page)));
        Object overflow = browser.script("return document.documentElement.scrollWidth"
            + " - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as(page + " wider than the window").isLessThanOrEqualTo(0);
      }
      browser.find(By.cssSelector("nav button[data-page=database-tokens]")).click();
      browser.screenshot("9-database-tokens-narrow");
    } finally {
      browser.driver.manage().window().setSize(size);
    }
  }

  @Test
  @Order(11)
  void signOut_forgetsTheCredential_andAReloadShowsTheSignIn() {
    assertThat(browser.script("return sessionStorage.length")).isEqualTo(1L);

    browser.byId("sign-out").click();

    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
    assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
    assertThat(browser.script("return document.cookie")).isEqualTo("");
    assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
    assertThat(rows("db-table")).isEmpty();
    browser.driver.navigate().refresh();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
    assertThat(browser.byId("nav").isDisplayed()).isFalse();
  }

  @Test
  @Order(12)
  void managementTokenHolder_isNotOfferedManagementTokenCreation() {
    signIn(managementToken, false);
    browser.until(d -> !rows("db-table").isEmpty());
    assertThat(browser.byId("db-create").isDisplayed()).isTrue();

    browser.byId("nav-management").click();
    WebElement row = browser.until(d -> row("mgmt-table", "ci pipeline"));
    assertThat(browser.byId("mgmt-create").isDisplayed()).isFalse();
    assertThat(row.findElements(By.cssSelector("[data-action=rotate]"))).isEmpty();
    assertThat(row.findElements(By.cssSelector("[data-action=revoke]"))).hasSize(1);
    browser.find(By.cssSelector("nav button[data-page=whoami]")).click();
    String kind = browser.until(d -> fact("Kind"));
    assertThat(kind).isEqualTo("management-token");
    assertThat(fact("May")).doesNotContain("createManagementToken");
    assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);

    browser.driver.navigate().refresh();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-form")));
  }

  @Test
  @Order(13)
  void manyTokens_theFirst200AreDrawn_andShowMoreAddsTheRest() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (int i = 0; i < 250; i++) {
      assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/api/v0/tokens"))
          .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"description\": \"fleet host " + i
              + "\"}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
          .isEqualTo(200);
    }
    signIn(admin, false);
    browser.until(d -> !rows("db-table").isEmpty());
    browser.byId("sign-out").click();
    signIn(admin, false);
    browser.until(d -> rows("db-table").size() == 200);
    assertThat(browser.byId("db-count").getText()).isEqualTo("200 of the 251 that match, of"
        + " 252 database tokens shown");
    // the second sign-in in this page: the table was set up again, not once more around the last
    assertThat(browser.driver.findElements(By.cssSelector("#database-tokens .table-scroll")))
        .hasSize(1);
    assertThat(browser.driver.findElements(By.cssSelector("#database-tokens button.more")))
        .hasSize(1);
    WebElement more = browser.find(By.cssSelector("#database-tokens button.more"));
    assertThat(more.getText()).isEqualTo("Show 51 more of the 51 not shown");

    more.click();

    browser.until(d -> rows("db-table").size() == 251);
    assertThat(more.isDisplayed()).isFalse();
    // a new search starts from the top again, over every token
    browser.byId("db-search").sendKeys("fleet host 24");
    browser.until(d -> rows("db-table").size() == 11);
    browser.byId("sign-out").click();
    assertThat(browser.byId("db-search").getAttribute("value")).as("the search, after sign-out")
        .isEmpty();
  }

  @Test
  @Order(14)
  void throughout_noRequestLeftTheOrigin_andTheBrowserLoggedNoErrorAndNoTokenString() {
    browser.drainLogs();

    // what goes over a network (the browser's own chrome: and data: pages do not)
    assertThat(browser.requested).contains(base + "/console/main.js")
        .filteredOn(url -> url.matches("(?i)(https?|wss?|ftp):.*"))
        .allSatisfy(url -> assertThat(url).startsWith(base + "/"));
    for (LogEntry entry : browser.consoleLog) {
      for (String secret : shown) {
        TollgateJar.assertNoTokenString(entry.getMessage(), secret, "the browser's console log");
      }
      TollgateJar.assertNoTokenString(entry.getMessage(), admin, "the browser's console log");
      TollgateJar.assertNoTokenString(entry.getMessage(), databaseToken,
          "the browser's console log");
    }
    // the one error expected: Chromium reports the 401 that the mistyped token got at sign-in
    assertThat(browser.consoleLog).filteredOn(entry -> entry.getLevel().intValue()
            >= Level.WARNING.intValue())
        .extracting(LogEntry::getMessage)
        .filteredOn(message -> !(message.startsWith(base + "/api/tollgate/v1/whoami - ")
            && message.contains("status of 401")))
        .isEmpty();
  }

  private void signIn(String token, boolean remember) {
    browser.byId("credential").sendKeys(token);
    if (remember) {
      browser.byId("remember").click();
    }
    browser.find(By.cssSelector("#sign-in-form button[type=submit]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("database-tokens")));
  }

  /**
   * Reads the string the secret dialog shows, copies it, dismisses the dialog and checks the
   * string is gone from the page (its markup and every field's value). Never logged or saved.
   */
  private String readSecretOnce(String prefix) {
    WebElement value = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret-value")));
    String secret = value.getText();
    assertThat(secret.startsWith(prefix)).as("the shown string starts with " + prefix).isTrue();
    assertThat(browser.byId("secret").getText()).contains("will not be shown again");
    shown.add(secret);
    browser.byId("secret-copy").click();
    browser.until(d -> browser.find(By.cssSelector("#secret .copied")).getText()
        .equals("Copied to the clipboard."));

    browser.byId("secret-dismiss").click();

    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("secret"), 0));
    Object inPage = browser.script("const s = arguments[0];"
        + " return document.documentElement.outerHTML.includes(s)"
        + " || [...document.querySelectorAll('input, textarea')].some(e => e.value.includes(s))",
        secret);
    assertThat(inPage).as("the dismissed string is still in the page").isEqualTo(false);
    assertThat(browser.driver.getPageSource().contains(secret))
        .as("the dismissed string is still in the page source").isFalse();
    browser.drainLogs();
    return secret;
  }

  private void createManagementToken(String description) {
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("mgmt-create"))).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-mgmt")));
    browser.byId("mgmt-description").sendKeys(description);
    browser.find(By.cssSelector("#create-mgmt button[type=submit]")).click();
    readSecretOnce("M.V1.");
    browser.until(d -> row("mgmt-table", description));
  }

  /** Every input, select and button in the page (a dialog's too) has a label or a name. */
  private void assertEveryControlLabelled() {
    assertThat(browser.unlabelledControls()).as("controls without a label").isEmpty();
  }

  private List<WebElement> rows(String table) {
    return browser.driver.findElements(By.cssSelector("#" + table + " tbody tr"));
  }

  /** The row whose description is {@code description}, or null while there is none. */
  private WebElement row(String table, String description) {
    return rows(table).stream().filter(r -> cell(r, "description").equals(description))
        .findFirst().orElse(null);
  }

  /** The text of a column in the row of {@code description}, read again if the table re-renders. */
  private String text(String table, String description, String column) {
    return browser.until(d -> {
      WebElement row = row(table, description);
      return row == null ? null : cell(row, column);
    });
  }

  private static String cell(WebElement row, String column) {
    return row.findElement(By.cssSelector("td[data-column=" + column + "]")).getText();
  }

  private List<String> descriptions() {
    return rows("db-table").stream().map(r -> cell(r, "description")).toList();
  }

  /** A fact of the who-am-I page, or null while it is not shown. */
  private String fact(String name) {
    List<WebElement> facts = browser.driver.findElements(By.cssSelector("dd[data-fact='" + name + "']"));
    return facts.isEmpty() || facts.get(0).getText().isEmpty() ? null : facts.get(0).getText();
  }
}
