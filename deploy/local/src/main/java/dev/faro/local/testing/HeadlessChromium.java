package dev.faro.local.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, with a fresh profile, driven by Debian's chromedriver: no browser or driver is ever
 * downloaded, and a machine without them fails the browser tests saying what to install rather than skipping them.
 * Selenium is an optional dependency of this module: a service whose tests use this class declares it.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** A phone's width: Faro's pages (the demo form, the dashboard) are mobile first. */
    public static final int WIDTH = 375;

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** A browser on a phone-sized screen, whose clock is in this IANA zone and whose language is Spanish. */
    public static HeadlessChromium start(String timeZone) {
        List<Path> missing =
                Stream.of(BROWSER, DRIVER).filter(p -> !Files.isExecutable(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "The browser tests need Debian's headless Chromium and its driver, missing here: " + missing
                            + ". Install them with: apt-get install -y chromium chromium-driver (.ci/run does).");
        }
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        // Without these Chromium keeps trying to reach Google's services and stalls on a closed
                        // network.
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=" + WIDTH + ",800",
                        "--lang=es-ES",
                        "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "es-ES,es"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            // Both per tab, kept across navigations. Chromium never makes a window narrower than 500 px, headless
            // included, so the phone's viewport is emulated; mobile mode also honours the page's meta viewport
            // (without it, a phone lays a page out 980 px wide).
            driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", timeZone));
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", 800, "deviceScaleFactor", 2, "mobile", true));
        } catch (RuntimeException e) {
            driver.quit();
            throw e;
        }
        return new HeadlessChromium(profile, driver);
    }

    public ChromeDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("faro-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover profile in the temporary directory is no reason to fail a test.
        }
    }
}
