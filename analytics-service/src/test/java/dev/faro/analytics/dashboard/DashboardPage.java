package dev.faro.analytics.dashboard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The dashboard in the browser, as a marketer uses it. */
final class DashboardPage {

    private static final Duration ANSWER = Duration.ofSeconds(20);
    /** Where screenshots are kept: -Dfaro.dashboard.screenshots, else the module's build directory. */
    private static final String SCREENSHOTS_PROPERTY = "faro.dashboard.screenshots";

    private final ChromeDriver driver;

    DashboardPage(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Loads the dashboard as a first-time visitor of this tab: nothing signed in, no campaign remembered. */
    DashboardPage open(URI dashboard) {
        driver.get(dashboard.toString());
        driver.executeScript("sessionStorage.clear(); localStorage.clear();");
        driver.navigate().refresh();
        awaitState("signed-out");
        return this;
    }

    DashboardPage signIn(String token) {
        WebElement field = driver.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        return this;
    }

    /** Asks for a campaign and waits for the page's answer: loaded, error or back to sign-in. */
    String show(String campaign) {
        WebElement field = driver.findElement(By.id("campaign"));
        field.clear();
        field.sendKeys(campaign);
        driver.findElement(By.cssSelector("#campaign-form button[type=submit]")).click();
        await("the dashboard's answer for " + campaign)
                .atMost(ANSWER)
                .until(() -> !"loading".equals(state()) && !"signed-in".equals(state()));
        return state();
    }

    /** Loads the page again, as the marketer's reload button does: this tab's storage stays. */
    DashboardPage reload() {
        driver.navigate().refresh();
        return this;
    }

    /** Goes to {@code address} in this tab, its storage kept. */
    DashboardPage visit(URI address) {
        driver.get(address.toString());
        return this;
    }

    /** Presses the header's ES or EN button with the keyboard, and waits until the page speaks that language. */
    DashboardPage switchLanguage(String language) {
        driver.findElement(By.cssSelector("button[data-language='" + language + "']"))
                .sendKeys(Keys.ENTER);
        awaitLanguage(language);
        return this;
    }

    void awaitLanguage(String expected) {
        await("the dashboard in language " + expected).atMost(ANSWER).until(() -> expected.equals(language()));
    }

    /** The page's language, as {@code <html lang>} declares it. */
    String language() {
        Object lang = driver.executeScript("return document.documentElement.lang");
        return lang == null ? "" : lang.toString();
    }

    String title() {
        return driver.getTitle();
    }

    String address() {
        return driver.getCurrentUrl();
    }

    /** The shown texts of the elements {@code css} selects, in document order, no-break spaces made plain. */
    List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream()
                .map(element -> plain(element.getText()))
                .toList();
    }

    String attribute(String css, String name) {
        return driver.findElement(By.cssSelector(css)).getDomAttribute(name);
    }

    /** How many API requests this page has made since it was loaded. */
    long apiRequests() {
        return (Long) script("return performance.getEntriesByType('resource')"
                + ".filter((entry) => new URL(entry.name).pathname.startsWith('/api/')).length");
    }

    /** What an ES module of the page exports, as {@code expression} over {@code module} computes it. */
    Object fromModule(String path, String expression) {
        return driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import(arguments[0])"
                        + ".then((module) => done(" + expression + "))"
                        + ".catch((error) => done('failed: ' + error));",
                path);
    }

    void awaitState(String expected) {
        await("the dashboard in state " + expected).atMost(ANSWER).until(() -> expected.equals(state()));
    }

    /** signed-out, signed-out-error, signed-in, loading, loaded or error (body's data-state, set by app.js). */
    String state() {
        Object state = driver.executeScript("return document.body.dataset.state || ''");
        return state == null ? "" : state.toString();
    }

    /**
     * An element's text as shown, with the no-break spaces Spanish number formats put before % and € made plain.
     */
    String text(String id) {
        return plain(driver.findElement(By.id(id)).getText());
    }

    private static String plain(String shown) {
        return shown.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    boolean isShown(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Saves the whole page, below the fold included, as a PNG named {@code name} in the screenshots' folder. */
    Path screenshot(String name) {
        Path file = screenshotDirectory().resolve(name);
        Number height = (Number) script("return document.documentElement.scrollHeight");
        Number width = (Number) script("return document.documentElement.clientWidth");
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                        "format",
                        "png",
                        "captureBeyondViewport",
                        true,
                        "clip",
                        Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code <build dir>/dashboard-screenshots}: the build directory is the parent of test-classes. */
    private static Path screenshotDirectory() {
        String configured = System.getProperty(SCREENSHOTS_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path testClasses = Path.of(DashboardPage.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return testClasses.getParent().resolve("dashboard-screenshots");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
