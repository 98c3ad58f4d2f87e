package com.vproptrader.ui.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless chromium driven through Debian's chromedriver (never Selenium Manager: no downloads).
 * Without {@code /usr/bin/chromium} the test is skipped, unless the CI variable is set: then it fails.
 * {@code ops/install-test-deps.sh} installs both packages.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test when chromium is missing in a bare `mvn` run; fails instead under CI or
     * ops/test.sh (which sets VPT_BROWSER_REQUIRED after installing chromium), so a missing browser is never
     * a silent pass.
     */
    public static void assumeAvailable() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null && System.getenv("VPT_BROWSER_REQUIRED") == null) {
            assumeTrue(present, "browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver missing "
                    + "(run ops/install-test-deps.sh; with CI set this test fails instead)");
        } else if (!present) {
            throw new IllegalStateException("CI or VPT_BROWSER_REQUIRED is set but /usr/bin/chromium or /usr/bin/chromedriver is missing: "
                    + "run ops/install-test-deps.sh");
        }
    }

    public static Browser open() throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        Path profile = Files.createTempDirectory("vpt-chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(service, driver, profile);
    }

    /** The browser console's messages since the last call (Vaadin's and Lit's warnings included). */
    public java.util.List<String> console() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    }

    /** The HTTP status of {@code path} fetched by the page (same origin, same session). */
    public long status(String path) {
        Object code = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.status), e => done(-1));", path);
        return ((Number) code).longValue();
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves a PNG of the window as {@code name} in the screenshot folder (system property vpt.screenshots). */
    public Path screenshot(String name) throws IOException {
        Path file = Path.of(System.getProperty("vpt.screenshots", "target/screenshots")).resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    /**
     * Saves {@code name}-desktop.png at 1400 px and {@code name}-phone.png at 400 px wide (the window back to
     * desktop size after).
     */
    public void screenshotDesktopAndPhone(String name) throws IOException {
        org.openqa.selenium.WebDriver.Window window = driver.manage().window();
        try {
            window.setSize(new org.openqa.selenium.Dimension(1400, 1000));
            Thread.sleep(400);
            screenshot(name + "-desktop.png");
            window.setSize(new org.openqa.selenium.Dimension(400, 860));
            Thread.sleep(800); // the chart redraws for the narrow window
            screenshot(name + "-phone.png");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            window.setSize(new org.openqa.selenium.Dimension(1400, 1000));
        }
    }

    /** Like {@link #screenshot} with the window made {@code height} px tall, to see a whole long page. */
    public Path screenshotTall(String name, int height) throws IOException {
        org.openqa.selenium.Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(), height));
        try {
            Thread.sleep(300);  // let the layout settle at the new size
            return screenshot(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var paths = Files.walk(profile)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind is harmless
            }
        }
    }
}
