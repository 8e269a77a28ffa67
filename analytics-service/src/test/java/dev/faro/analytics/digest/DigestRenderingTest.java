package dev.faro.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.analytics.abtest.Verdict;
import dev.faro.analytics.funnel.FunnelFigures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class DigestRenderingTest {

    @Test
    void everyValueInTheHtmlIsEscaped() {
        assertThat(DigestHtml.escape("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }

    @Test
    void namesFromLandingPagesAndTheCampaignAreTextInTheHtmlDigestNeverMarkup() throws Exception {
        String campaignName = "<script>alert('campaign')</script>";
        String page = "\"><img src=x onerror=alert(1)>";
        String variant = "<svg onload=alert(1)>";
        String other = "a' OR '1'='1 & <b>";
        DigestReport report = new DigestReport(
                "hostil",
                campaignName,
                Frequency.WEEKLY,
                new Period(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22)),
                figures(200, 20),
                figures(100, 20),
                Optional.empty(),
                List.of(new DigestReport.AbTest(
                        page,
                        Verdict.WINNER,
                        Optional.of(variant),
                        List.of(
                                new DigestReport.VariantRate(other, 100, 5, new BigDecimal("5.00")),
                                new DigestReport.VariantRate(variant, 100, 15, new BigDecimal("15.00"))))),
                List.of(new ConversionDrop(
                        "variant",
                        page + "/" + other,
                        new BigDecimal("10.00"),
                        new BigDecimal("5.00"),
                        new BigDecimal("-50.00"))),
                new TreeMap<>());

        String html = DigestHtml.render(report, DigestWording.of("en"));

        Document parsed = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new InputSource(new StringReader("<div>" + html + "</div>")));
        for (String markup : List.of("script", "img", "svg", "b")) {
            assertThat(parsed.getElementsByTagName(markup).getLength())
                    .as("<%s> elements in %s", markup, html)
                    .isZero();
        }
        assertThat(parsed.getDocumentElement().getTextContent())
                .contains(campaignName, page, variant, other, page + "/" + other);
    }

    @Test
    void theSubjectIsOneShortLineWhateverTheCampaignIsCalled() {
        String subject = DigestWording.of("en").subject(Frequency.WEEKLY, "Spring\r\nBcc: x@y.z " + "a".repeat(400));

        assertThat(subject).startsWith("Weekly summary: Spring Bcc: x@y.z a").doesNotContain("\n", "\r");
        assertThat(subject.length()).isLessThanOrEqualTo(200);
        assertThat(DigestWording.of("es").subject(Frequency.DAILY, "demo")).isEqualTo("Resumen diario: demo");
    }

    @Test
    void changesAreSignedAndRelativeToThePreviousValue() {
        DigestWording es = DigestWording.of("es");
        DigestWording en = DigestWording.of("en");

        assertThat(es.change(Change.between(1000, 1500), true, false)).isEqualTo("+500 (+50,00 %)");
        assertThat(en.change(Change.between(2000, 1000), true, false)).isEqualTo("-1,000 (-50.00%)");
        // No previous value: no percentage to give.
        assertThat(en.change(Change.between(0, 7), true, false)).isEqualTo("+7 (—)");
    }

    private static FunnelFigures figures(long visitors, long leads) {
        return new FunnelFigures(
                visitors,
                leads,
                leads,
                leads,
                leads,
                0,
                0,
                0,
                1,
                new BigDecimal("10.00"),
                "EUR",
                null,
                null,
                0,
                0,
                new BigDecimal(100 * leads / visitors).setScale(2),
                new BigDecimal("5.00"),
                null,
                null,
                new BigDecimal("0.00"));
    }

    @Test
    void theChartIsASmallPngOfTheExpectedSizeDrawnHeadless() throws Exception {
        SortedMap<LocalDate, Long> leads = new TreeMap<>();
        LocalDate first = LocalDate.of(2025, 2, 24);
        for (int day = 0; day < 14; day++) {
            leads.put(first.plusDays(day), (long) (day * 3 % 11));
        }

        String base64 = LeadsChart.pngBase64(
                leads, new Period(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 9)), DigestWording.of("es"));

        byte[] png = Base64.getDecoder().decode(base64);
        assertThat(png.length).isLessThan(60_000);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(LeadsChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(LeadsChart.HEIGHT);
        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }
}
