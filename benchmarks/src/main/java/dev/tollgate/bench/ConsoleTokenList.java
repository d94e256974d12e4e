package dev.tollgate.bench;

import dev.tollgate.persistence.BenchDatabase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console's database-token page over 10,000 tokens, in Debian's Chromium against a real
 * {@code tollgate serve} (target: listed and searched within a second): opening the page (the
 * API's pages read and the table drawn), a search and its clearing, and the inactive toggle
 * (every token filtered and sorted again), each timed
 * in the page from the action to the frame after the table changed; against the baseline of the
 * same API pages read by the same page with nothing drawn.
 */
public final class ConsoleTokenList {

  static final String USAGE = "usage: ConsoleTokenList [--jar app/target/tollgate.jar]"
      + " [--tokens 10000] [--runs 5]";
  private static final Duration SERVE_TIMEOUT = Duration.ofMinutes(5);
  private static final double TARGET_MS = 1000;
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  /** Resolves with the milliseconds from the action until the frame after the count changed. */
  private static final String TIMED = """
      const [action, term, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
      const count = document.getElementById('db-count');
      const start = performance.now();
      new MutationObserver((changes, observer) => {
        observer.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start)));
      }).observe(count, { childList: true, characterData: true, subtree: true });
      if (action === 'open') {
        document.querySelector('nav button[data-page=database-tokens]').click();
      } else if (action === 'search') {
        const search = document.getElementById('db-search');
        search.value = search.value ? '' : term;
        search.dispatchEvent(new Event('input'));
      } else {
        document.getElementById('db-inactive').click();
      }
      """;

  /** Resolves with the milliseconds the API's pages took to read and parse, nothing drawn. */
  private static final String API_ONLY = """
      const [credential, done] = [arguments[0], arguments[arguments.length - 1]];
      const start = performance.now();
      let next = '';
      let tokens = 0;
      (async () => {
        do {
          const answer = await fetch('/api/tollgate/v1/database-tokens?includeRevoked=true'
            + (next ? '&pageToken=' + encodeURIComponent(next) : ''),
            { headers: { Authorization: 'Bearer ' + credential }, cache: 'no-store' });
          const page = await answer.json();
          tokens += page.databaseTokens.length;
          next = page.nextPageToken || '';
        } while (next);
        done([performance.now() - start, tokens]);
      })();
      """;

  record Options(Path jar, int tokens, int runs) {

    static Options parse(String[] args) {
      Path jar = Path.of("app/target/tollgate.jar");
      int tokens = 10_000;
      int runs = 5;
      for (int i = 0; i < args.length; i += 2) {
        String option = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(option + " needs a value");
        }
        String value = args[i + 1];
        switch (option) {
          case "--jar" -> jar = Path.of(value);
          case "--tokens" -> tokens = BenchArgs.positive(option, value);
          case "--runs" -> runs = BenchArgs.positive(option, value);
          default -> throw new IllegalArgumentException("unknown option \"" + option + "\"");
        }
      }
      return new Options(BenchArgs.jar(jar), tokens, runs);
    }
  }

  /** One run's milliseconds. */
  record Run(double apiOnly, double open, double search, double clear, double inactive) {}

  public static void main(String[] args) {
    BenchMain.run("ConsoleTokenList", USAGE, args, Options::parse, ConsoleTokenList::run);
  }

  private static boolean run(Options options, Cleanup cleanup) throws Exception {
    for (String program : new String[] {CHROMIUM, CHROMEDRIVER}) {
      if (!Files.isExecutable(Path.of(program))) {
        throw new IllegalStateException(program + " is missing; expected Debian's chromium and"
            + " chromium-driver: apt-get install -y chromium chromium-driver");
      }
    }
    BenchDatabase store = cleanup.start(() -> BenchDatabase.start("h2"));
    log("seeding %,d database tokens", options.tokens());
    store.seed(options.tokens(), true);
    List<String> serve = new ArrayList<>(store.serveOptions());
    ServeProcess server = cleanup.start(() -> ServeProcess.start("server", options.jar(), serve,
        store.directory().resolve("serve.log")));
    server.awaitServing(SERVE_TIMEOUT);
    String admin = ReplicaCalls.adminToken(store.directory());
    ChromeDriver browser = browser(store.directory().resolve("chromium"));
    cleanup.start(() -> browser::quit);
    browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(1));
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofMinutes(1));

    browser.get(server.http() + "/console/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credential"))).sendKeys(admin);
    browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
    wait.until(d -> d.findElement(By.id("db-count")).getText().contains(" of "));
    log("signed in; %s", browser.findElement(By.id("db-count")).getText());
    List<Run> runs = new ArrayList<>();
    for (int i = 0; i <= options.runs(); i++) {
      List<?> api = (List<?>) browser.executeAsyncScript(API_ONLY, admin);
      long listed = ((Number) api.get(1)).longValue();
      if (listed < options.tokens()) {
        throw new IllegalStateException("the API listed " + listed + " tokens, not "
            + options.tokens());
      }
      Run run = new Run(((Number) api.get(0)).doubleValue(), timed(browser, "open"),
          timed(browser, "search"), timed(browser, "search"), timed(browser, "inactive"));
      timed(browser, "inactive");
      if (i > 0) {
        runs.add(run);
      }
      log("%s%s", i == 0 ? "warm-up: " : "run " + i + ": ", run);
    }
    double apiOnly = median(runs, Run::apiOnly);
    double open = median(runs, Run::open);
    double search = Math.max(median(runs, Run::search), median(runs, Run::clear));
    double inactive = median(runs, Run::inactive);
    System.out.printf("%nconsole, database tokens page, %,d tokens (medians of %d runs, ms):%n",
        options.tokens(), runs.size());
    System.out.printf("  API pages read, nothing drawn (baseline): %7.1f%n", apiOnly);
    System.out.printf("  open the page (read and draw):             %7.1f  (%.2f x baseline)%n",
        open, open / apiOnly);
    System.out.printf("  search, and clear it (the slower):         %7.1f%n", search);
    System.out.printf("  show inactive toggled (all sorted again):  %7.1f%n", inactive);
    boolean met = open < TARGET_MS && search < TARGET_MS && inactive < TARGET_MS;
    System.out.printf("listed and searched within %.0f ms: %s%n", TARGET_MS,
        met ? "met" : "NOT MET");
    return met;
  }

  private static double timed(ChromeDriver browser, String action) {
    return ((Number) browser.executeAsyncScript(TIMED, action, TokenMix.databaseName(7)))
        .doubleValue();
  }

  private static ChromeDriver browser(Path profile) {
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
        "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
    return new ChromeDriver(service, options);
  }

  private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
    double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
    return values[values.length / 2];
  }

  private static void log(String format, Object... arguments) {
    System.err.printf(format + "%n", arguments);
  }
}
