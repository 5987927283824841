package vn.ioc.citizenreports.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Debian Chromium, driven through Debian's chromedriver. Both paths are
 * given to Selenium, so Selenium Manager never looks for (or downloads) a browser or a driver.
 * Every screenshot goes to target/e2e-screenshots, numbered in the order the suite took them.
 */
final class Browser implements AutoCloseable {

  static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");
  static final String DEMO_PASSWORD = "demo";
  static final Path SCREENSHOTS = Path.of("target", "e2e-screenshots");

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final AtomicInteger SHOTS = new AtomicInteger();
  private static final AtomicBoolean CLEARED = new AtomicBoolean();
  // the flags this machine needs: no sandbox as root, and no calls to Google's services, which
  // a closed network refuses
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage", "--window-size=1366,900");

  private final String baseUrl;
  private final Path profile;
  private final WebDriver driver;
  private final WebDriverWait wait;

  private Browser(String baseUrl, List<String> moreFlags) {
    this.baseUrl = baseUrl;
    try {
      profile = Files.createTempDirectory("e2e-chromium-profile");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(FLAGS).addArguments(moreFlags)
        .addArguments("--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, PATIENCE);
    // AngularJS redraws lists and forms while they load: an element found a moment ago may be replaced
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** A fresh browser with an empty profile; fails with how to install Chromium when it is missing. */
  static Browser open(String baseUrl) {
    requireChromium();
    return new Browser(baseUrl, List.of());
  }

  /** A browser whose user prefers Vietnamese (navigator.languages starts with vi-VN). */
  static Browser openInVietnamese(String baseUrl) {
    requireChromium();
    // --lang is ignored by headless Chromium; --accept-lang sets navigator.languages
    return new Browser(baseUrl, List.of("--accept-lang=vi-VN,vi"));
  }

  /** Without Chromium the suite fails, never skips: a green run must mean a browser ran it. */
  static void requireChromium() {
    for (String program : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(Path.of(program))) {
        throw new IllegalStateException("The end-to-end tests need Debian's Chromium and ChromeDriver, and " + program
            + " is missing: apt-get install chromium chromium-driver (or give -De2e.chromium=... -De2e.chromedriver=...)");
      }
    }
  }

  /**
   * Starts the numbering afresh and removes the screenshots of an earlier run: once per run, so
   * that every test class of the suite may call it and none removes another's screenshots.
   */
  static void clearScreenshots() {
    if (!CLEARED.compareAndSet(false, true)) {
      return;
    }
    try {
      Files.createDirectories(SCREENSHOTS);
      try (Stream<Path> old = Files.list(SCREENSHOTS)) {
        old.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SHOTS.set(0);
  }

  void get(String path) {
    driver.get(baseUrl + path);
  }

  /** Logs in through the webapps' own login page (Tasklist, Cockpit and Admin share it). */
  void logIn(String app, String user) {
    get("/camunda/app/" + app + "/");
    WebElement username = visible(By.cssSelector("input[ng-model='username']"));
    WebElement password = visible(By.cssSelector("input[ng-model='password']"));
    // the user name's autofocus can come late on a busy machine and take the password's keys
    // ("pcoffice1demo" in the user name once), so the form is filled until it holds both
    await("the login form holding " + user + " and the password", page -> {
      fill(username, user);
      fill(password, DEMO_PASSWORD);
      return user.equals(username.getDomProperty("value")) && DEMO_PASSWORD.equals(password.getDomProperty("value"));
    });
    click(By.cssSelector("form button[type='submit']"));
    gone(By.cssSelector("input[ng-model='password']"));
  }

  private static void fill(WebElement field, String text) {
    field.clear();
    field.sendKeys(text);
  }

  WebDriver driver() {
    return driver;
  }

  /** Waits for the condition; on time-out, a screenshot named FAILED shows what the page showed instead. */
  <T> T await(String what, Function<WebDriver, T> condition) {
    try {
      return wait.withMessage(what).until(condition);
    } catch (TimeoutException e) {
      screenshot("FAILED-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
      throw e;
    }
  }

  Object script(String javascript, Object... arguments) {
    return ((ChromeDriver) driver).executeScript(javascript, arguments);
  }

  /** Scrolls the element to the top of the window, so that a screenshot shows it and what follows. */
  void showAtTop(WebElement element) {
    script("arguments[0].scrollIntoView({block: 'start'})", element);
  }

  /** Moves the mouse onto the element, away from whatever tooltip the last click opened. */
  void hover(By locator) {
    new Actions(driver).moveToElement(visible(locator)).perform();
  }

  WebElement visible(By locator) {
    return await("visible " + locator, ExpectedConditions.visibilityOfElementLocated(locator));
  }

  /** Clicks the element in the middle of the window, where no sticky bar of the page covers it. */
  void click(By locator) {
    WebElement element = await("clickable " + locator, ExpectedConditions.elementToBeClickable(locator));
    script("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  void gone(By locator) {
    await("gone " + locator, ExpectedConditions.invisibilityOfElementLocated(locator));
  }

  /** Saves the page as NN-name.png and returns the file. */
  Path screenshot(String name) {
    Path target = SCREENSHOTS.resolve("%02d-%s.png".formatted(SHOTS.incrementAndGet(), name));
    try {
      Files.createDirectories(SCREENSHOTS);
      Path taken = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.move(taken, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
