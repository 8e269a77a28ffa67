package dev.faro.lead.capture;

import static dev.faro.lead.capture.Forms.assertRejected;
import static dev.faro.lead.capture.Forms.capture;
import static dev.faro.lead.capture.Forms.complete;
import static dev.faro.lead.capture.Forms.email;
import static dev.faro.lead.capture.Forms.minimal;
import static dev.faro.lead.capture.Forms.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.events.Utm;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every property of the capture form: what is accepted, how it is stored, what the event carries. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class CaptureFieldsTest {

    /** Every text property of the form, as the errors name it. */
    private static final String[] TEXT_FIELDS = {
        "email",
        "name",
        "phone",
        "company",
        "locale",
        "timeZone",
        "landingPage",
        "variant",
        "visitorId",
        "referrer",
        "utm.source",
        "utm.medium",
        "utm.campaign",
        "utm.term",
        "utm.content",
        "consent.textVersion"
    };

    @Inject
    LeadRows rows;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void everyFieldOfACompleteFormIsStoredAndPublished() {
        Map<String, Object> form = complete();

        String leadId = capture(form);

        Map<String, Object> lead = rows.lead(email(form));
        assertThat(lead)
                .containsEntry("name", "Lucía García")
                .containsEntry("phone", "+34612345678")
                .containsEntry("company", "Acme S.L.")
                .containsEntry("locale", "en")
                .containsEntry("time_zone", "America/Mexico_City")
                .containsEntry("landing_page", "redes-sociales")
                .containsEntry("variant", "b")
                .containsEntry("visitor_id", "v-7f3e9a")
                .containsEntry("referrer", "https://news.example.org/articulo?id=7")
                .containsEntry("utm_source", "newsletter")
                .containsEntry("utm_medium", "email")
                .containsEntry("utm_campaign", "otono")
                .containsEntry("utm_term", "redes")
                .containsEntry("utm_content", "boton-rojo")
                .containsEntry("marketing_consent", true);
        LeadCaptured event = Forms.awaitSingleEvent(kafka(), leadId);
        PersonalData personal = Forms.personal(kafka(), event);
        assertThat(personal.email()).isEqualTo(email(form));
        assertThat(personal.name()).isEqualTo("Lucía García");
        assertThat(personal.phone()).isEqualTo("+34612345678");
        assertThat(personal.company()).isEqualTo("Acme S.L.");
        assertThat(event.locale()).isEqualTo("en");
        assertThat(event.timeZone()).isEqualTo("America/Mexico_City");
        assertThat(event.landingPage()).isEqualTo("redes-sociales");
        assertThat(event.variant()).isEqualTo("b");
        assertThat(event.visitorId()).isEqualTo("v-7f3e9a");
        assertThat(event.utm()).isEqualTo(new Utm("newsletter", "email", "otono", "redes", "boton-rojo"));
        assertThat(event.consent().textVersion()).isEqualTo("sha256:" + "ab12".repeat(16));
    }

    @Test
    void aMinimalFormTakesLanguageAndTimeZoneFromTheCampaignAndPublishesNoAttribution() {
        Map<String, Object> form = minimal();

        String leadId = capture(form);

        assertThat(rows.lead(email(form))).containsEntry("locale", "es").containsEntry("time_zone", "Europe/Madrid");
        LeadCaptured event = Forms.awaitSingleEvent(kafka(), leadId);
        assertThat(event.locale()).isEqualTo("es");
        assertThat(event.timeZone()).isEqualTo("Europe/Madrid");
        assertThat(event.landingPage()).isNull();
        assertThat(event.variant()).isNull();
        assertThat(event.visitorId()).isNull();
        assertThat(event.utm()).isNull();
        assertThat(event.consent().textVersion()).isNull();
    }

    @Test
    void optionalFieldsSentEmptyCountAsAbsent() {
        Map<String, Object> form = minimal();
        for (String field : new String[] {"name", "phone", "company", "locale", "timeZone", "visitorId", "referrer"}) {
            with(form, field, "");
        }
        with(form, "utm.source", " ");
        with(form, "consent.textVersion", "");

        String leadId = capture(form);

        assertThat(rows.lead(email(form)))
                .containsEntry("phone", null)
                .containsEntry("time_zone", "Europe/Madrid")
                .containsEntry("locale", "es");
        assertThat(Forms.awaitSingleEvent(kafka(), leadId).utm()).isNull();
    }

    @ParameterizedTest
    @CsvSource({"+34612345678, +34612345678", "+1 415 555 2671, +14155552671", "+49-30-901820, +4930901820"})
    void phoneIsStoredInE164(String sent, String stored) {
        Map<String, Object> form = with(minimal(), "phone", sent);

        capture(form);

        assertThat(rows.lead(email(form))).containsEntry("phone", stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"612345678", "0034612345678", "+0612345678", "+123456", "+1234567890123456", "+34 (0)612"})
    void phoneNotInE164IsRejected(String phone) {
        Map<String, Object> form = with(minimal(), "phone", phone);

        assertRejected(form, "phone");
        assertThat(rows.countLeads(email(form))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Madrid", "America/Argentina/Buenos_Aires", "Asia/Kolkata", "UTC"})
    void ianaTimeZoneIsStoredAndPublished(String zone) {
        Map<String, Object> form = with(minimal(), "timeZone", zone);

        String leadId = capture(form);

        assertThat(rows.lead(email(form))).containsEntry("time_zone", zone);
        assertThat(Forms.awaitSingleEvent(kafka(), leadId).timeZone()).isEqualTo(zone);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"Mars/Olympus_Mons", "+01:00", "Z", "GMT+1", "UTC+01:00", "europe/madrid", "CEST", "SystemV/AST4"
            })
    void timeZoneThatIsNotAnIanaRegionIsRejected(String zone) {
        Map<String, Object> form = with(minimal(), "timeZone", zone);

        assertRejected(form, "timeZone");
        assertThat(rows.countLeads(email(form))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha256:9f2c5a0e", "md5:" + "ab12ab12ab12ab12ab12ab12ab12ab12", "sha256:" + "AB12AB12"})
    void consentTextVersionMustBeASha256Hash(String textVersion) {
        Map<String, Object> form = with(minimal(), "consent.textVersion", textVersion);

        assertRejected(form, "consent.textVersion");
    }

    @ParameterizedTest
    @CsvSource({
        "email, 255",
        "name, 201",
        "company, 201",
        "timeZone, 65",
        "landingPage, 201",
        "variant, 65",
        "visitorId, 65",
        "referrer, 2049",
        "utm.source, 201",
        "utm.medium, 201",
        "utm.campaign, 201",
        "utm.term, 201",
        "utm.content, 201"
    })
    void valueLongerThanItsFieldAllowsIsRejected(String field, int length) {
        String value = field.equals("email")
                ? "a".repeat(length - "@example.org".length()) + "@example.org"
                : "a".repeat(length);
        Map<String, Object> form = with(minimal(), field, value);

        assertRejected(form, field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "company", "landingPage", "variant", "referrer", "utm.source", "utm.content"})
    void valueAtItsFieldsLimitIsAccepted(String field) {
        int limit =
                switch (field) {
                    case "variant" -> 64;
                    case "referrer" -> 2048;
                    default -> 200;
                };
        Map<String, Object> form = with(minimal(), field, "a".repeat(limit));

        capture(form);
    }

    @Test
    void controlCharacterInAnyTextFieldIsRejectedNamingThatField() {
        for (String field : TEXT_FIELDS) {
            Map<String, Object> form = complete();
            String address = email(form);
            String valid = valueAt(form, field);
            int middle = valid.length() / 2;
            with(form, field, valid.substring(0, middle) + '\u0000' + valid.substring(middle));

            assertRejected(form, field);
            assertThat(rows.countLeads(address)).as(field).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r", "\t", "\u0007", "\u007f", "\u0085", "\u2028", "\u001b[31m"})
    void lineBreaksTabsAndOtherControlsInANameAreRejectedNotStripped(String control) {
        Map<String, Object> form = with(minimal(), "name", "Ana" + control + "Pérez");

        assertRejected(form, "name");
        assertThat(rows.countLeads(email(form))).isZero();
    }

    @Test
    void markupInANameIsStoredAndPublishedVerbatim() {
        String name = "<script>alert('x')</script> Ana & <b>\"Bea\"</b>";
        Map<String, Object> form = with(minimal(), "name", name);

        String leadId = capture(form);

        assertThat(rows.lead(email(form))).containsEntry("name", name);
        assertThat(Forms.personal(kafka(), Forms.awaitSingleEvent(kafka(), leadId))
                        .name())
                .isEqualTo(name);
    }

    @Test
    void unicodeNamesAndSurroundingSpacesAreHandledAsText() {
        Map<String, Object> form = with(minimal(), "name", "\u00a0 José 👩‍💻 Ñúñez ");

        capture(form);

        assertThat(rows.lead(email(form))).containsEntry("name", "José 👩‍💻 Ñúñez");
    }

    @Test
    void resubmissionUpdatesContactDetailsButKeepsFirstTouchAttribution() {
        Map<String, Object> first = complete();
        String leadId = capture(first);
        Forms.awaitSingleEvent(kafka(), leadId);

        Map<String, Object> second = minimal();
        with(second, "email", email(first));
        with(second, "phone", "+34699000111");
        with(second, "landingPage", "otra-pagina");
        with(second, "utm.source", "twitter");
        assertThat(capture(second)).isEqualTo(leadId);

        assertThat(rows.lead(email(first)))
                .containsEntry("name", "Lucía García")
                .containsEntry("phone", "+34699000111")
                .containsEntry("locale", "en")
                .containsEntry("time_zone", "America/Mexico_City")
                .containsEntry("landing_page", "redes-sociales")
                .containsEntry("utm_source", "newsletter");
        assertThat(rows.outboxEventIds(leadId)).hasSize(1);
    }

    @Test
    void visitorIdOutsideTheVisitBeaconsFormIsRejected() {
        assertRejected(with(minimal(), "visitorId", "v 7f3e9a"), "visitorId");
        assertRejected(with(minimal(), "visitorId", "v/../x"), "visitorId");
    }

    @SuppressWarnings("unchecked")
    private static String valueAt(Map<String, Object> form, String path) {
        Object value = form;
        for (String part : path.split("\\.")) {
            value = ((Map<String, Object>) value).get(part);
        }
        return (String) value;
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
