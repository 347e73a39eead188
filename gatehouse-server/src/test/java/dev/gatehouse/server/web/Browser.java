package dev.gatehouse.server.web;

import dev.gatehouse.server.OutsideTool;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian Chromium per test class, driven through Debian's chromedriver (both paths are
 * given, so Selenium Manager never looks for, let alone downloads, a browser or driver). Saves a
 * PNG of the page after every test, passed or failed, and on demand, under
 * {@code target/screenshots/<TestClass>/<name>.png}. Without the two Debian packages the tests are
 * skipped, and under CI they fail (see {@link OutsideTool}).
 *
 * <pre>{@code @RegisterExtension static final Browser browser = new Browser();}</pre>
 */
public final class Browser implements ExecutionCondition, BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final OutsideTool CHROMIUM_AND_DRIVER = new OutsideTool("Chromium with its ChromeDriver",
            Browser::missing, "install the Debian packages chromium and chromium-driver: "
                    + "apt-get install chromium chromium-driver");

    private ChromeDriver driver;
    private Path userDataDir;
    private Path screenshots;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return CHROMIUM_AND_DRIVER.evaluateExecutionCondition(context);
    }

    private static String missing() {
        String absent = Stream.of(CHROMIUM, CHROMEDRIVER).filter(p -> !Files.isExecutable(p)).map(Path::toString)
                .reduce((a, b) -> a + " and " + b).orElse(null);
        return absent == null ? null : "no executable " + absent;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        CHROMIUM_AND_DRIVER.beforeAll(context);
        if (CHROMIUM_AND_DRIVER.missing().isPresent()) {
            return;
        }
        screenshots = Path.of("target", "screenshots", context.getRequiredTestClass().getSimpleName());
        Files.createDirectories(screenshots);
        userDataDir = Files.createTempDirectory("gatehouse-chromium-");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,900",
                "--user-data-dir=" + userDataDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    public ChromeDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("The browser is not running");
        }
        return driver;
    }

    /** Saves a PNG of the whole page as {@code target/screenshots/<TestClass>/<name>.png}. */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, fullPage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private byte[] fullPage() {
        try {
            Map<String, Object> metrics = driver().executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
            // while capturing beyond the viewport there is no scrollbar: the page is laid out at the
            // window's full inner width, so take that much, not the content width beside a scrollbar
            double innerWidth = ((Number) driver().executeScript("return window.innerWidth")).doubleValue();
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                    "width", Math.max(innerWidth, size.get("width").doubleValue()),
                    "height", size.get("height").doubleValue());
            Map<String, Object> shot = driver().executeCdpCommand("Page.captureScreenshot",
                    Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (RuntimeException e) {
            return driver().getScreenshotAs(OutputType.BYTES); // the viewport only
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (driver == null) {
            return;
        }
        try {
            screenshot(context.getRequiredTestMethod().getName());
        } catch (RuntimeException e) {
            // a test's own failure matters more than its picture
            System.err.println("Could not save a screenshot of " + context.getDisplayName() + ": " + e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (userDataDir != null) {
                try (Stream<Path> files = Files.walk(userDataDir)) {
                    files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
    }
}
