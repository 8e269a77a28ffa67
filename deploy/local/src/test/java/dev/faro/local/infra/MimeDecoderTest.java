package dev.faro.local.infra;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MimeDecoderTest {

    private static final String RAW = String.join(
            "\r\n",
            "Message-ID: <abc@faro.test>",
            "From: =?UTF-8?Q?Faro_Espa=C3=B1a?= <hola@faro.test>",
            "To: lucia@example.org",
            "Subject: =?UTF-8?B?wr9UZSBndXN0w7M/IFR1IGPDs2RpZ28gZXN0w6EgYXF1w60=?=",
            "X-Tag: one",
            "X-Tag: two",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=outer",
            "",
            "--outer",
            "Content-Type: multipart/alternative; boundary=inner",
            "",
            "--inner",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            "Hola Luc=C3=ADa, tu c=C3=B3digo: AB12-CD34-EF56",
            "--inner",
            "Content-Type: text/html; charset=UTF-8",
            "Content-Transfer-Encoding: base64",
            "",
            "PHA+SG9sYSBMdWPDrWE8L3A+",
            "--inner--",
            "--outer",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Disposition: attachment; filename=terms.txt",
            "",
            "not the body",
            "--outer--",
            "");

    @Test
    void decodesEncodedWordsCharsetsAndAlternativesSkippingAttachments() throws Exception {
        MimeMessage message = new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(RAW.getBytes(StandardCharsets.US_ASCII)));
        Instant received = Instant.parse("2030-05-01T10:00:00Z");

        InboxMessage decoded = MimeDecoder.decode(message, List.of("lucia@example.org"), received);

        assertThat(decoded.messageId()).isEqualTo("<abc@faro.test>");
        assertThat(decoded.subject()).isEqualTo("¿Te gustó? Tu código está aquí");
        assertThat(decoded.from()).isEqualTo("Faro España <hola@faro.test>");
        assertThat(decoded.to()).containsExactly("lucia@example.org");
        assertThat(decoded.text()).isEqualTo("Hola Lucía, tu código: AB12-CD34-EF56");
        assertThat(decoded.html()).isEqualTo("<p>Hola Lucía</p>");
        assertThat(decoded.headers().get("X-Tag")).containsExactly("one", "two");
        assertThat(decoded.header("subject")).isEqualTo("¿Te gustó? Tu código está aquí");
        assertThat(decoded.receivedAt()).isEqualTo(received);
    }

    @Test
    void jsonRoundTripKeepsEverythingAndWritesSingleHeadersAsStrings() throws Exception {
        MimeMessage message = new MimeMessage(
                Session.getInstance(new Properties()),
                new ByteArrayInputStream(RAW.getBytes(StandardCharsets.US_ASCII)));
        InboxMessage decoded = MimeDecoder.decode(message, List.of("lucia@example.org"), Instant.EPOCH);

        String json = InboxJson.write(List.of(decoded));

        assertThat(json).contains("\"X-Tag\":[\"one\",\"two\"]").contains("\"To\":\"lucia@example.org\"");
        assertThat(InboxJson.read(json)).containsExactly(decoded);
    }
}
