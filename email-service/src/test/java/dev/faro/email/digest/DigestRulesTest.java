package dev.faro.email.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faro.contract.UndeliverableEventException;
import dev.faro.contract.events.DigestReady;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DigestRulesTest {

    private static final DigestReady.Recipient MARKETER =
            new DigestReady.Recipient("marketing@example.org", "es", "Europe/Madrid");

    @Test
    void pngChartWithinTheLimitIsKept() {
        String chart = Base64.getEncoder().encodeToString(TestCharts.png());

        DigestRules.Accepted accepted = DigestRules.check(digest(List.of(MARKETER), "Resumen", chart));

        assertThat(accepted.chartPngBase64()).isEqualTo(chart);
        assertThat(accepted.chartRefusal()).isNull();
    }

    @Test
    void chartThatIsNotAPngIsDroppedAndTheDigestStillGoes() {
        DigestRules.Accepted accepted = DigestRules.check(
                digest(List.of(MARKETER), "Resumen", Base64.getEncoder().encodeToString(TestCharts.gif())));

        assertThat(accepted.chartPngBase64()).isNull();
        assertThat(accepted.chartRefusal()).isEqualTo("not a PNG image");
        assertThat(accepted.recipients()).containsExactly(MARKETER);
    }

    @Test
    void pngLargerThanTwoMegabytesIsDropped() {
        byte[] png = TestCharts.png();
        byte[] oversize = Arrays.copyOf(png, ChartImage.MAX_BYTES + 1);

        DigestRules.Accepted accepted = DigestRules.check(
                digest(List.of(MARKETER), "Resumen", Base64.getEncoder().encodeToString(oversize)));

        assertThat(accepted.chartPngBase64()).isNull();
        assertThat(accepted.chartRefusal()).startsWith("larger than");
    }

    @Test
    void pngOfExactlyTwoMegabytesIsKept() {
        byte[] png = Arrays.copyOf(TestCharts.png(), ChartImage.MAX_BYTES);

        assertThat(ChartImage.check(Base64.getEncoder().encodeToString(png)).image())
                .hasValueSatisfying(bytes -> assertThat(bytes).hasSize(ChartImage.MAX_BYTES));
    }

    @Test
    void chartThatIsNotBase64IsDropped() {
        assertThat(DigestRules.check(digest(List.of(MARKETER), "Resumen", "not base64 at all!"))
                        .chartRefusal())
                .isEqualTo("not base64");
    }

    @Test
    void recipientsWithoutAUsableAddressAreLeftOut() {
        List<DigestReady.Recipient> recipients = List.of(
                new DigestReady.Recipient("ops@localhost", "es", "Europe/Madrid"),
                MARKETER,
                new DigestReady.Recipient("\"a b\"@example.org", "en", "Europe/London"),
                new DigestReady.Recipient("x@[127.0.0.1]", "en", "Europe/London"));

        DigestRules.Accepted accepted = DigestRules.check(digest(recipients, "Resumen", null));

        assertThat(accepted.recipients()).containsExactly(MARKETER);
        assertThat(accepted.skippedRecipients()).containsExactly(0, 2, 3);
    }

    @Test
    void digestWithNoUsableAddressIsUndeliverable() {
        DigestReady digest =
                digest(List.of(new DigestReady.Recipient("ops@localhost", "es", "Europe/Madrid")), "Resumen", null);

        assertThatThrownBy(() -> DigestRules.check(digest))
                .isInstanceOf(UndeliverableEventException.class)
                .hasMessageContaining("no recipient has a valid address");
    }

    @Test
    void fiftyRecipientsAreAcceptedAndFiftyOneAreNot() {
        assertThat(DigestRules.check(digest(recipients(50), "Resumen", null)).recipients())
                .hasSize(50);
        assertThatThrownBy(() -> DigestRules.check(digest(recipients(51), "Resumen", null)))
                .isInstanceOf(UndeliverableEventException.class)
                .hasMessageContaining("51 recipients, at most 50");
    }

    @Test
    void subjectIsFoldedToOneLineAndLimitedToTwoHundredCharacters() {
        assertThat(DigestRules.check(digest(List.of(MARKETER), "Resumen\r\nBcc: x@example.org", null))
                        .subject())
                .isEqualTo("Resumen Bcc: x@example.org");
        assertThat(DigestRules.check(digest(List.of(MARKETER), "ñ".repeat(200), null))
                        .subject())
                .hasSize(200);
        assertThatThrownBy(() -> DigestRules.check(digest(List.of(MARKETER), "ñ".repeat(201), null)))
                .isInstanceOf(UndeliverableEventException.class)
                .hasMessageContaining("subject");
        assertThatThrownBy(() -> DigestRules.check(digest(List.of(MARKETER), " \r\n ", null)))
                .isInstanceOf(UndeliverableEventException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void htmlLargerThanOneMegabyteIsUndeliverable() {
        DigestReady within = digest(List.of(MARKETER), "Resumen", null, "a".repeat(DigestRules.MAX_HTML_BYTES));
        // Two bytes each in UTF-8: the limit is on what is sent, not on characters.
        DigestReady beyond = digest(List.of(MARKETER), "Resumen", null, "ñ".repeat(DigestRules.MAX_HTML_BYTES / 2 + 1));

        assertThat(DigestRules.check(within).recipients()).containsExactly(MARKETER);
        assertThatThrownBy(() -> DigestRules.check(beyond))
                .isInstanceOf(UndeliverableEventException.class)
                .hasMessageContaining("html is larger than");
    }

    @Test
    void ledgerKeyIsTheSameForAnAddressWhateverItsCaseAndDiffersBetweenDigests() {
        UUID digestId = UUID.randomUUID();

        assertThat(DigestAddresses.ledgerKey(digestId, "Marketing@Example.org"))
                .isEqualTo(DigestAddresses.ledgerKey(digestId, "marketing@example.org"));
        assertThat(DigestAddresses.ledgerKey(UUID.randomUUID(), "marketing@example.org"))
                .isNotEqualTo(DigestAddresses.ledgerKey(digestId, "marketing@example.org"));
    }

    private static List<DigestReady.Recipient> recipients(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new DigestReady.Recipient("marketer" + i + "@example.org", "es", "Europe/Madrid"))
                .toList();
    }

    private static DigestReady digest(List<DigestReady.Recipient> recipients, String subject, String chart) {
        return digest(recipients, subject, chart, "<p>Leads: 42</p>");
    }

    private static DigestReady digest(
            List<DigestReady.Recipient> recipients, String subject, String chart, String html) {
        return new DigestReady(
                UUID.randomUUID(),
                "demo",
                LocalDate.of(2026, 11, 19),
                LocalDate.of(2026, 11, 25),
                recipients,
                subject,
                html,
                "Leads: 42",
                chart);
    }
}
