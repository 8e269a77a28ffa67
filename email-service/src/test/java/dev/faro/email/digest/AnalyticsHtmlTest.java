package dev.faro.email.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnalyticsHtmlTest {

    @Test
    void scriptsEventHandlersAndJavascriptUrlsAreRemoved() {
        String cleaned = AnalyticsHtml.clean("<h2 onclick=\"steal()\">Leads</h2>"
                + "<script>alert(document.cookie)</script>"
                + "<p onmouseover='x()'>42 <a href=\"javascript:alert(1)\">ver</a></p>"
                + "<img src=x onerror=alert(1)><iframe src=\"https://evil.example\"></iframe>"
                + "<form action=\"https://evil.example\"><input name=q></form>");

        assertThat(cleaned)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("alert")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("onmouseover")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("<iframe")
                .doesNotContainIgnoringCase("<form")
                .contains("<h2>Leads</h2>")
                .contains("42");
    }

    @Test
    void aReportsTablesLinksAndInlineStylesSurvive() {
        String report = "<table style=\"border-collapse: collapse\">"
                + "<tr><th align=\"left\">Día</th><td>12</td></tr></table>"
                + "<p>Más en <a href=\"https://faro.example.org/analytics/demo\">el panel</a></p>";

        assertThat(AnalyticsHtml.clean(report))
                .contains("<table style=\"border-collapse: collapse\">")
                .contains("<th align=\"left\">Día</th>")
                .contains("<a href=\"https://faro.example.org/analytics/demo\">el panel</a>");
    }

    @Test
    void stylesThatFetchOrRunSomethingAreDropped() {
        String cleaned = AnalyticsHtml.clean("<p style=\"background: url(https://track.example/p.gif)\">a</p>"
                + "<p style=\"width: expression(alert(1))\">b</p>"
                + "<p style=\"background: \\75rl(x)\">c</p>"
                + "<p style=\"color: #333\">d</p>");

        assertThat(cleaned)
                .doesNotContain("url(")
                .doesNotContain("expression")
                .doesNotContain("\\75")
                .contains("<p>a</p>")
                .contains("<p style=\"color: #333\">d</p>");
    }
}
