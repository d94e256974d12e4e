package dev.tollgate.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through Debian's chromedriver (Selenium Manager never downloads a
 * browser or driver), headless, with its console log and network log kept for the test to check,
 * and screenshots written under {@code target/console-screenshots/}.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
  private static final ObjectMapper JSON = new ObjectMapper();

  final ChromeDriver driver;
  final WebDriverWait wait;
  /** Every console message the page wrote, in order. */
  final List<LogEntry> consoleLog = new ArrayList<>();
  /** Every URL the browser asked for, in order. */
  final List<String> requested = new ArrayList<>();

  ConsoleBrowser(Path profile) {
    for (String program : new String[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(Path.of(program))) {
        throw new IllegalStateException(program + " is missing; expected Debian's chromium and"
            + " chromium-driver: apt-get install -y chromium chromium-driver (.ci/run does)");
      }
    }
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    // a table re-rendered under a lookup: look again
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Waits until the condition holds (30 s at most), and returns what it gave. */
  <T> T until(Function<WebDriver, T> condition) {
    return wait.until(condition);
  }

  WebElement find(By by) {
    return driver.findElement(by);
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  /** The markup of every input, select and button in the page (a dialog's too) without a label or a name. */
  List<?> unlabelledControls() {
    return (List<?>) script("return [...document.querySelectorAll('input, select,"
        + " textarea, button')].filter(e => e.tagName === 'BUTTON'"
        + " ? !(e.textContent.trim() || e.getAttribute('aria-label'))"
        + " : !((e.labels && e.labels.length) || e.getAttribute('aria-label')))"
        + ".map(e => e.outerHTML)");
  }

  /** Reads the browser's console and network logs so far into {@link #consoleLog} and {@link #requested}. */
  void drainLogs() {
    consoleLog.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE).getAll()) {
      try {
        JsonNode message = JSON.readTree(entry.getMessage()).path("message");
        if (message.path("method").asText().equals("Network.requestWillBeSent")) {
          requested.add(message.path("params").path("request").path("url").asText());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Saves what the page shows now as {@code target/console-screenshots/NAME.png}. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
