package dev.faro.lead.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Runs axe-core, the accessibility rules engine, in the page as it is now. axe-core comes from npm, pinned in
 * src/test/browser/package-lock.json; the build installs it there (npm ci, in generate-test-resources).
 */
final class Axe {

    /** Relative to the module, where Maven runs the tests. */
    private static final Path SCRIPT = Path.of("src/test/browser/node_modules/axe-core/axe.min.js");

    private Axe() {}

    /** Fails listing every violation of axe's default rules (WCAG 2.x A and AA, and best practices), if any. */
    static void assertNoViolations(WebDriver driver, String state) throws IOException {
        List<String> violations = violations(driver);
        assertThat(violations)
                .withFailMessage(
                        "axe-core found %d violation(s) %s:%n%n%s",
                        violations.size(), state, String.join(String.format("%n%n"), violations))
                .isEmpty();
    }

    /** One readable entry per violated rule: id, impact, help and link, then each element at fault and why. */
    static List<String> violations(WebDriver driver) throws IOException {
        if (!Files.isRegularFile(SCRIPT)) {
            fail("axe-core is missing at " + SCRIPT.toAbsolutePath()
                    + "; the build installs it (npm ci in src/test/browser, phase generate-test-resources)");
        }
        JavascriptExecutor page = (JavascriptExecutor) driver;
        page.executeScript(Files.readString(SCRIPT));
        String answer = (String)
                page.executeAsyncScript(
                        """
                const done = arguments[arguments.length - 1];
                axe.run(document).then(
                    (results) => done(JSON.stringify(results.violations)),
                    (error) => done(JSON.stringify({error: String(error)})));
                """);
        JsonNode violations = new ObjectMapper().readTree(answer);
        if (violations.has("error")) {
            fail("axe-core could not run: " + violations.get("error").asText());
        }
        List<String> readable = new ArrayList<>();
        for (JsonNode violation : violations) {
            StringBuilder entry = new StringBuilder()
                    .append(violation.path("id").asText())
                    .append(" (")
                    .append(violation.path("impact").asText())
                    .append("): ")
                    .append(violation.path("help").asText())
                    .append(" <")
                    .append(violation.path("helpUrl").asText())
                    .append('>');
            for (JsonNode node : violation.path("nodes")) {
                entry.append("\n    at ")
                        .append(node.path("target"))
                        .append(": ")
                        .append(node.path("failureSummary").asText().replace("\n", String.format("%n      ")));
            }
            readable.add(entry.toString());
        }
        return readable;
    }
}
