package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * The web console's sign-in at the cluster's identity provider, in a real Chromium against the
 * real jar and the test identity provider (one of each for the class): an Admin, a Member and an
 * Auditor sign in through its login page (authorization code with PKCE) and are offered what the
 * caller table allows them, and the server refuses the rest; signing out forgets the access
 * token; an answer whose state this tab did not start is refused. No request goes anywhere but
 * Tollgate and the identity provider, and the browser logs no error and no token string.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleOAuthIT {

  private static final Map<String, String> PASSWORDS =
      Map.of("ada", "ada-pw", "mel", "mel-pw", "aud", "aud-pw");
  private static final String CONSOLE_CLIENT = "tollgate-console";
  private static final String CREDENTIAL_KEY = "tollgate.console.credential";

  @TempDir
  static Path work;

  private IdentityProviderProcess idp;
  private TollgateJar.Server server;
  private ConsoleBrowser browser;
  private String base;
  /** Every token string the page showed, checked against the browser's log at the end. */
  private final List<String> shown = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    idp = IdentityProviderProcess.start(work.resolve("logs"), PASSWORDS, Duration.ofMinutes(5),
        Duration.ofMinutes(5));
    Path users = Files.writeString(work.resolve("users.json"), """
        [
          {"id": "ada", "userGroups": ["Admin"]},
          {"id": "mel", "userGroups": ["Member"]},
          {"id": "aud", "userGroups": ["Auditor"]}
        ]
        """);
    server = new TollgateJar.Server(work.resolve("data"), work.resolve("logs/tollgate.log"),
        "--oauth-issuer", idp.issuer(), "--oauth-audience", IdentityProviderProcess.AUDIENCE,
        "--oauth-users-file", users.toString(), "--oauth-console-client-id", CONSOLE_CLIENT)
        .start();
    base = server.httpAddress();
    browser = new ConsoleBrowser(work.resolve("chromium-profile"));
  }

  @AfterAll
  void stop() throws Exception {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      try {
        if (server != null) {
          assertThat(server.logText()).doesNotContain("eyJ"); // no access token, nor any JWT
          server.close();
        }
      } finally {
        if (idp != null) {
          idp.close();
        }
      }
    }
  }

  @Test
  @Order(1)
  void admin_signsInAtTheIdentityProvider_andCreatesAManagementAndADatabaseToken() {
    signInAs("ada", false);

    assertThat(browser.byId("nav-management").isDisplayed()).isTrue();
    createDatabaseToken("admin dashboard");
    browser.byId("nav-management").click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("mgmt-create"))).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-mgmt")));
    browser.byId("mgmt-description").sendKeys("admin automation");
    assertThat(browser.unlabelledControls()).as("controls without a label").isEmpty();
    browser.find(By.cssSelector("#create-mgmt button[type=submit]")).click();
    readSecretOnce("M.V1.");
    assertThat(browser.<String>until(d -> text("mgmt-table", "admin automation", "createdBy")))
        .isEqualTo("user:ada");
    browser.screenshot("oauth-2-admin");
    assertThat(browser.script("return sessionStorage.length")).as("not asked to remember")
        .isEqualTo(0L);
    // an Admin rotates and revokes management tokens too
    browser.until(d -> row("mgmt-table", "admin automation"))
        .findElement(By.cssSelector("[data-action=rotate]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("rotate-mgmt")));
    browser.find(By.cssSelector("#rotate-mgmt button[type=submit]")).click();
    readSecretOnce("M.V1.");
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("mgmt-create"))).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-mgmt")));
    browser.byId("mgmt-description").sendKeys("admin scratch");
    browser.find(By.cssSelector("#create-mgmt button[type=submit]")).click();
    readSecretOnce("M.V1.");
    revoke("mgmt-table", "admin scratch");
    // and reads the audit trail: what ada did, by name
    browser.find(By.cssSelector("nav button[data-page=audit]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-form")));
    browser.find(By.cssSelector("#audit-form button[type=submit]")).click();
    browser.until(d -> auditRows().contains("rotated user:ada")
        && auditRows().contains("revoked user:ada"));
    signOut();
  }

  /** Each event of the audit table as "event actor". */
  private List<String> auditRows() {
    return browser.driver.findElements(By.cssSelector("#audit-table tbody tr")).stream()
        .map(r -> r.findElement(By.cssSelector("td[data-column=event]")).getText() + " "
            + r.findElement(By.cssSelector("td[data-column=actor]")).getText())
        .toList();
  }

  /** Revokes the token of that row through the confirmation; it leaves the active list. */
  private void revoke(String table, String description) {
    browser.until(d -> row(table, description)).findElement(
        By.cssSelector("[data-action=revoke]")).click();
    WebElement dialog = browser.until(
        ExpectedConditions.visibilityOfElementLocated(By.id("revoke")));
    assertThat(dialog.getText()).contains(description);
    browser.byId("revoke-understood").click();
    dialog.findElement(By.cssSelector("button[type=submit]")).click();
    browser.until(d -> row(table, description) == null);
  }

  @Test
  @Order(2)
  void member_isNotOfferedManagementTokens_createsADatabaseToken_andIsRefusedAManagementToken()
      throws Exception {
    signInAs("mel", true);

    assertThat(browser.byId("nav-management").isDisplayed()).isFalse();
    assertThat(browser.byId("nav-audit").isDisplayed()).as("the audit trail, for a Member")
        .isFalse();
    createDatabaseToken("member ingest");
    // a Member edits, rotates and revokes database tokens
    createDatabaseToken("member scratch");
    browser.until(d -> row("db-table", "member scratch"))
        .findElement(By.cssSelector("[data-action=edit]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("edit-db")));
    browser.byId("db-description").clear();
    browser.byId("db-description").sendKeys("member spare");
    browser.find(By.cssSelector("#edit-db button[type=submit]")).click();
    browser.until(d -> row("db-table", "member spare"))
        .findElement(By.cssSelector("[data-action=rotate]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("rotate-db")));
    browser.find(By.cssSelector("#rotate-db button[type=submit]")).click();
    readSecretOnce("apiv1_");
    revoke("db-table", "member spare");
    browser.screenshot("oauth-3-member");
    // the access token the tab keeps, asked for with "keep me signed in"; never printed
    String accessToken = (String) browser.script(
        "return sessionStorage.getItem('" + CREDENTIAL_KEY + "')");
    assertThat(accessToken).as("the kept access token").isNotNull();
    HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base + "/api/tollgate/v1/management-tokens"))
        .header("Authorization", "Bearer " + accessToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"description\": \"not allowed\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);

    signOut();
    assertThat(browser.script("return Object.keys(sessionStorage)")).asList().isEmpty();
  }

  @Test
  @Order(3)
  void auditor_seesTheLists_andIsOfferedNoChange() {
    signInAs("aud", false);

    browser.until(d -> row("db-table", "member ingest"));
    assertThat(browser.byId("db-create").isDisplayed()).isFalse();
    assertThat(browser.driver.findElements(By.cssSelector("#db-table [data-action]"))).isEmpty();
    browser.byId("nav-management").click();
    browser.until(d -> row("mgmt-table", "admin automation"));
    assertThat(browser.byId("mgmt-create").isDisplayed()).isFalse();
    assertThat(browser.driver.findElements(By.cssSelector("#mgmt-table [data-action]")))
        .isEmpty();
    browser.screenshot("oauth-4-auditor");
    // an Auditor reads the audit trail and the replica's status
    browser.find(By.cssSelector("nav button[data-page=audit]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("audit-form")));
    browser.find(By.cssSelector("#audit-form button[type=submit]")).click();
    browser.until(d -> auditRows().contains("updated user:mel"));
    browser.find(By.cssSelector("nav button[data-page=replica]")).click();
    assertThat(browser.<String>until(d -> fact("Loaded"))).isEqualTo("yes");
    signOut();
  }

  @Test
  @Order(4)
  void answerWithAnotherState_orAnError_isRefusedWithAMessage_andNotExchanged() {
    browser.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    browser.driver.get(base + "/console/");
    browser.until(ExpectedConditions.elementToBeClickable(By.id("oauth-button"))).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    // a sign-in is under way in this tab; an answer with another state arrives
    browser.driver.get(base + "/console/?code=made-up&state=forged");

    String message = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")))
        .getText();
    assertThat(message).contains("state differs", "refused");
    assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/console/");
    assertThat(browser.byId("nav").isDisplayed()).isFalse();
    assertThat(browser.script("return sessionStorage.length")).as("the sign-in begun, forgotten")
        .isEqualTo(0L);

    browser.driver.get(base + "/console/?error=access_denied&error_description=no+thanks");
    browser.until(d -> browser.byId("error").getText().contains("access_denied"));
    assertThat(browser.byId("error").getText()).contains("did not sign you in", "no thanks");
    assertThat(browser.driver.getCurrentUrl()).isEqualTo(base + "/console/");
  }

  @Test
  @Order(5)
  void throughout_requestsWentToTollgateAndTheIdentityProviderOnly_andNothingWasLogged() {
    browser.drainLogs();

    assertThat(browser.requested).contains(base + "/console/oauth.js")
        .anySatisfy(url -> assertThat(url).startsWith(idp.issuer() + "/oauth2/authorize?"))
        .filteredOn(url -> url.matches("(?i)(https?|wss?|ftp):.*"))
        .allSatisfy(url -> assertThat(url.startsWith(base + "/")
            || url.startsWith(idp.issuer() + "/")).as(url).isTrue());
    for (LogEntry entry : browser.consoleLog) {
      assertThat(entry.getMessage()).doesNotContain("eyJ");
      for (String secret : shown) {
        TollgateJar.assertNoTokenString(entry.getMessage(), secret, "the browser's console log");
      }
    }
    assertThat(browser.consoleLog).filteredOn(entry -> entry.getLevel().intValue()
        >= Level.WARNING.intValue()).extracting(LogEntry::getMessage).isEmpty();
  }

  /**
   * Opens the console with no identity-provider session (cookies are per host, not port: the
   * previous person's would sign this one in unasked), and signs in through the login page.
   */
  private void signInAs(String user, boolean remember) {
    browser.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    browser.driver.get(base + "/console/");
    WebElement button = browser.until(
        ExpectedConditions.visibilityOfElementLocated(By.id("oauth-button")));
    assertThat(button.getText()).isEqualTo("Sign in with " + idp.issuer());
    if (user.equals("ada")) {
      assertThat(browser.unlabelledControls()).as("controls without a label").isEmpty();
      browser.screenshot("oauth-1-sign-in");
    }
    if (remember) {
      browser.byId("remember").sendKeys(Keys.SPACE);
    }
    button.sendKeys(Keys.ENTER); // by keyboard, as anyone may
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
    browser.byId("password").sendKeys(PASSWORDS.get(user));
    browser.find(By.cssSelector("button[type=submit]")).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("database-tokens")));
    assertThat(browser.driver.getCurrentUrl()).as("the code left the URL")
        .isEqualTo(base + "/console/");
    browser.find(By.cssSelector("nav button[data-page=whoami]")).click();
    assertThat(browser.<String>until(d -> fact("User id"))).isEqualTo(user);
    browser.find(By.cssSelector("nav button[data-page=database-tokens]")).click();
  }

  /** Signs out: the credential is forgotten, and a reload shows the sign-in page only. */
  private void signOut() {
    browser.byId("sign-out").click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth-button")));
    assertThat(browser.script("return sessionStorage.length")).isEqualTo(0L);
    assertThat(browser.script("return localStorage.length")).isEqualTo(0L);
    assertThat(browser.driver.findElements(By.cssSelector("tbody tr"))).isEmpty();
    browser.driver.navigate().refresh();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("oauth-button")));
    assertThat(browser.byId("nav").isDisplayed()).isFalse();
    assertThat(browser.byId("database-tokens").isDisplayed()).isFalse();
    assertThat(fact("User id")).isNull();
  }

  private void createDatabaseToken(String description) {
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("db-create"))).click();
    browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("create-db")));
    browser.byId("db-description").sendKeys(description);
    browser.find(By.cssSelector("#create-db .perm-db")).sendKeys("metrics");
    browser.find(By.cssSelector("#create-db .perm-read")).click();
    browser.find(By.cssSelector("#create-db button[type=submit]")).click();
    readSecretOnce("apiv1_");
    assertThat(browser.<String>until(d -> text("db-table", description, "permissions")))
        .isEqualTo("metrics: read");
  }

  /** Reads the string shown once, dismisses it, and checks it left the page. Never printed. */
  private void readSecretOnce(String prefix) {
    String secret = browser.until(ExpectedConditions.visibilityOfElementLocated(
        By.id("secret-value"))).getText();
    assertThat(secret.startsWith(prefix)).as("the shown string starts with " + prefix).isTrue();
    shown.add(secret);
    browser.byId("secret-dismiss").click();
    browser.until(ExpectedConditions.numberOfElementsToBe(By.id("secret"), 0));
    assertThat(browser.driver.getPageSource().contains(secret))
        .as("the dismissed string is still in the page").isFalse();
  }

  /** The row whose description is {@code description}, or null while there is none. */
  private WebElement row(String table, String description) {
    return browser.driver.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
        .filter(r -> r.findElement(By.cssSelector("td[data-column=description]")).getText()
            .equals(description))
        .findFirst().orElse(null);
  }

  /** A column's text in the row of {@code description}, or null while there is none. */
  private String text(String table, String description, String column) {
    WebElement row = row(table, description);
    return row == null ? null
        : row.findElement(By.cssSelector("td[data-column=" + column + "]")).getText();
  }

  /** A fact of the who-am-I page, or null while it is not shown. */
  private String fact(String name) {
    List<WebElement> facts = browser.driver.findElements(
        By.cssSelector("dd[data-fact='" + name + "']"));
    return facts.isEmpty() || facts.get(0).getText().isEmpty() ? null : facts.get(0).getText();
  }
}
