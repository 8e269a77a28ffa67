package dev.faro.lead.form;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The demo landing page in the browser, as a visitor uses it. */
final class DemoPage {

    private static final Duration ANSWER = Duration.ofSeconds(15);

    private final ChromeDriver driver;

    DemoPage(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Loads the page and waits until faro.js has taken over its form. */
    DemoPage open(URI page) {
        driver.get(page.toString());
        await("faro.js enhances the form of " + page).atMost(ANSWER).until(() -> !driver.findElements(
                        By.cssSelector("form[data-faro-ready]"))
                .isEmpty());
        return this;
    }

    DemoPage type(String inputId, String text) {
        WebElement input = input(inputId);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    DemoPage agreeToMarketingEmail() {
        WebElement consent = driver.findElement(By.name("consent.marketing"));
        if (!consent.isSelected()) {
            consent.click();
        }
        return this;
    }

    /** Clicks the button and waits for the form's answer: success, invalid, too-many or failure. */
    String submit() {
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        await("the form's answer").atMost(ANSWER).until(() -> !statusKind().isEmpty());
        return statusKind();
    }

    String statusKind() {
        String kind = status().getAttribute("data-faro-status");
        return kind == null ? "" : kind;
    }

    WebElement status() {
        return driver.findElement(By.cssSelector("form [role=status]"));
    }

    WebElement input(String id) {
        return driver.findElement(By.id(id));
    }

    /** The element the input's aria-describedby points to, where faro.js puts its errors. */
    WebElement errorOf(String inputId) {
        String describedBy = input(inputId).getAttribute("aria-describedby");
        if (describedBy == null || describedBy.isBlank()) {
            throw new AssertionError("#" + inputId + " has no aria-describedby");
        }
        return driver.findElement(By.id(describedBy.trim().split("\\s+")[0]));
    }

    /** The consent text as the page shows it. */
    String consentText() {
        return driver.findElement(By.cssSelector("[data-faro-consent-text]")).getText();
    }

    Object script(String javaScript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javaScript, arguments);
    }

    String visitorId() {
        return (String) script("return localStorage.getItem('faro.visitorId')");
    }

    String browserTimeZone() {
        return (String) script("return Intl.DateTimeFormat().resolvedOptions().timeZone");
    }

    ChromeDriver driver() {
        return driver;
    }
}
