package gov.alacop.keycloak.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for one test. Every page object calls {@link #screenshot(String)} when its page shows, so
 * target/screenshots/ holds a PNG of every page each test visited.
 */
public final class Browser implements AutoCloseable {

    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    private static final String INSTALL_HINT = "Browser tests need Chromium and ChromeDriver. On Debian/Ubuntu: "
            + "sudo apt-get install -y chromium chromium-driver. Elsewhere set -Dalacop.it.chrome=/path/to/chrome "
            + "and -Dalacop.it.chromedriver=/path/to/chromedriver.";

    private final WebDriver driver;
    private final Path screenshotDir;
    private final Path profileDir;
    private int shots;

    private Browser(WebDriver driver, Path screenshotDir, Path profileDir) {
        this.driver = driver;
        this.screenshotDir = screenshotDir;
        this.profileDir = profileDir;
    }

    /** A browser of its own, for a test that needs several at once (the extension gives one per test). */
    public static Browser open(Path screenshotDir) {
        Path chrome = executable("alacop.it.chrome", "/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome");
        Path chromedriver = executable("alacop.it.chromedriver", "/usr/bin/chromedriver");
        try {
            Path profile = Files.createTempDirectory("alacop-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chrome.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
                    "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // The page behaves as if its window had the system focus: otherwise Chromium may not match :focus (and
            // draw no focus ring) whenever the headless window is not the focused one, and focus tests go flaky.
            driver.executeCdpCommand("Emulation.setFocusEmulationEnabled", Map.of("enabled", true));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            Files.createDirectories(screenshotDir);
            return new Browser(driver, screenshotDir, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path executable(String property, String... candidates) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw new IllegalStateException(property + "=" + configured + " is not executable. " + INSTALL_HINT);
        }
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        throw new IllegalStateException("Not found: " + String.join(", ", candidates) + ". " + INSTALL_HINT);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Saves target/screenshots/<test>/<NN>-<name>.png of what the browser shows now. */
    public Path screenshot(String name) {
        Path target = screenshotDir.resolve(String.format("%02d-%s.png", ++shots, name.replaceAll("[^A-Za-z0-9._-]", "_")));
        try {
            Path png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(png, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profileDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
