package dev.faro.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Base64;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class DigestRenderingTest {

    @Test
    void everyValueInTheHtmlIsEscaped() {
        assertThat(DigestHtml.escape("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
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
