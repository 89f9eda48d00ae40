package edu.scrutiny.app.testsupport;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The page driver every browser test uses: sign in, open a page, submit a form, wait for a notice,
 * read the navigation, check the console. Every browser session the tests use: Debian's headless Chromium driven through chromium-driver
 * (no driver or browser is downloaded), a fresh profile each time. Tests are skipped, with a message
 * saying why, where the browser is not installed, unless {@code SCRUTINY_TEST_BROWSER_REQUIRED=true}
 * (as CI sets it), when they fail instead.
 */
public final class Browser implements AutoCloseable {
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final String REQUIRED_ENV = "SCRUTINY_TEST_BROWSER_REQUIRED";
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String baseUrl;
    private final Path profile;
    private final ChromeDriver driver;

    private Browser(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            this.profile = Files.createTempDirectory("scrutiny-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
    }

    /**
     * Opens a browser on the application at {@code baseUrl}; skips the test (or fails it, where the
     * browser is required) when Chromium or its driver is not installed.
     */
    public static Browser open(String baseUrl) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv(REQUIRED_ENV))) {
                Assertions.fail(message + ", and " + REQUIRED_ENV + "=true");
            }
            System.out.println(message);
            Assumptions.abort(message);
        }
        return new Browser(baseUrl);
    }

    /** The password of the users the browser tests make (see {@link #signIn}). */
    public static final String PASSWORD = "browser test password";

    /** Signs in through the login form as {@code user}, whose password is {@link #PASSWORD}. */
    public void signIn(String user) {
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        await(d -> !d.getCurrentUrl().contains("/login"));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the application by its path, e.g. {@code /engagements}. */
    public void go(String path) {
        driver.get(baseUrl + path);
        await(d -> path.equals(path()) && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public String path() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public java.util.List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** Waits until the condition holds (htmx swaps, charts drawn, background imports). */
    public <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition);
    }

    /** Sets an input's value directly (date inputs take typed keys in the browser's locale order). */
    public void setValue(WebElement input, String value) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'));", input, value);
    }

    public void type(String id, String text) {
        WebElement e = byId(id);
        e.clear();
        e.sendKeys(text);
    }

    /** What the browser's console said since last asked (errors, Content-Security-Policy violations). */
    public java.util.List<String> console() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    /** Saves a screenshot of the page under target/screenshots, as test output. */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A browser signed in through the sign-in form as {@code user} (password {@link #PASSWORD}) on the
     * application at {@code http://localhost:PORT}; what signing in logged to the console is read and dropped.
     */
    public static Browser signedIn(int port, String user) {
        Browser browser = open("http://localhost:" + port);
        browser.signIn(user);
        browser.console();
        return browser;
    }

    /** Clicks the submit button of the form with this id. */
    public void submit(String formId) {
        find(By.cssSelector("#" + formId + " button[type=submit]")).click();
    }

    /** Waits for the page's notice (id {@code notice}) to say {@code text}, and returns it. */
    public WebElement notice(String text) {
        await(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(By.id("notice"), text));
        return byId("notice");
    }

    /** The links of the page's navigation, as shown. */
    public java.util.List<String> navigation() {
        return findAll("header nav a").stream().map(WebElement::getText).toList();
    }

    /** Asserts that no page broke the Content-Security-Policy or failed a script since the console was last read. */
    public void consoleIsClean() {
        java.util.List<String> bad = console().stream().filter(m -> m.startsWith("SEVERE") || m.contains("Content Security Policy"))
                .filter(m -> !m.contains("/favicon.ico")).toList();
        Assertions.assertTrue(bad.isEmpty(), () -> "the browser's console: " + bad);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // best effort: a temporary profile
            }
        }
    }
}
