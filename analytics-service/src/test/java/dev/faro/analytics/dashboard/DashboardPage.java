package dev.faro.analytics.dashboard;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The dashboard in the browser, as a marketer uses it. */
final class DashboardPage {

    private static final Duration ANSWER = Duration.ofSeconds(20);

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
        return driver.findElement(By.id(id)).getText().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    boolean isShown(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Saves the whole page, below the fold included, as a PNG. */
    Path screenshot(Path file) {
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
}
