package dev.faro.lead.capture;

import static dev.faro.lead.capture.Forms.capture;
import static dev.faro.lead.capture.Forms.email;
import static dev.faro.lead.capture.Forms.minimal;
import static dev.faro.lead.capture.Forms.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.contract.events.Consent;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.PersonalData;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The consent ledger: one row per submission, with the evidence a regulator asks for, and the same in the event. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class ConsentLedgerTest {

    private static final String TEXT_VERSION = "sha256:" + "0123456789abcdef".repeat(4);
    private static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) FaroTest/1.0";

    @Inject
    LeadRows rows;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void consentIsRecordedWithTextVersionTruncatedAddressAndUserAgentAndPublishedTheSame() {
        Map<String, Object> form = with(minimal(), "consent.textVersion", TEXT_VERSION);

        String leadId = Forms.post()
                .header("User-Agent", USER_AGENT)
                .body(form)
                .post("/api/leads")
                .then()
                .statusCode(202)
                .extract()
                .path("leadId");

        List<Map<String, Object>> ledger = rows.consentRecords(leadId);
        assertThat(ledger).hasSize(1);
        Map<String, Object> record = ledger.get(0);
        assertThat(record)
                .containsEntry("purpose", "marketing")
                .containsEntry("granted", true)
                .containsEntry("text_version", TEXT_VERSION)
                .containsEntry("truncated_ip", "127.0.0.0")
                .containsEntry("user_agent", USER_AGENT);
        LeadCaptured event = Forms.awaitSingleEvent(kafka(), leadId);
        assertThat(event.consent()).isEqualTo(new Consent(true, TEXT_VERSION, instant(record.get("given_at"))));
        PersonalData personal = Forms.personal(kafka(), event);
        assertThat(personal.truncatedIp()).isEqualTo("127.0.0.0");
        assertThat(personal.userAgent()).isEqualTo(USER_AGENT);
    }

    @Test
    void everySubmissionAppendsToTheLedgerAndTheLeadKeepsTheLatestAnswer() {
        Map<String, Object> form = with(minimal(), "consent.textVersion", TEXT_VERSION);
        String leadId = capture(form);
        String newerText = "sha256:" + "fedcba9876543210".repeat(4);
        with(form, "consent.marketing", false);
        with(form, "consent.textVersion", newerText);

        assertThat(capture(form)).isEqualTo(leadId);

        List<Map<String, Object>> ledger = rows.consentRecords(leadId);
        assertThat(ledger).extracting(r -> r.get("granted")).containsExactly(true, false);
        assertThat(ledger).extracting(r -> r.get("text_version")).containsExactly(TEXT_VERSION, newerText);
        assertThat(instant(ledger.get(1).get("given_at")))
                .isAfterOrEqualTo(instant(ledger.get(0).get("given_at")));
        assertThat(rows.lead(email(form))).containsEntry("marketing_consent", false);
        assertThat(rows.outboxEventIds(leadId)).hasSize(1);
    }

    @Test
    void declinedConsentIsRecordedToo() {
        String leadId = capture(with(minimal(), "consent.marketing", false));

        assertThat(rows.consentRecords(leadId))
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("granted", false).containsEntry("text_version", null));
        assertThat(Forms.awaitSingleEvent(kafka(), leadId).consent().marketing())
                .isFalse();
    }

    @Test
    void userAgentIsKeptToItsFirst512Characters() {
        String longAgent = "Agent/" + "x".repeat(600);

        String leadId = Forms.post()
                .header("User-Agent", longAgent)
                .body(minimal())
                .post("/api/leads")
                .then()
                .statusCode(202)
                .extract()
                .path("leadId");

        assertThat(rows.consentRecords(leadId)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("user_agent", longAgent.substring(0, 512)));
        assertThat(Forms.personal(kafka(), Forms.awaitSingleEvent(kafka(), leadId))
                        .userAgent())
                .isEqualTo(longAgent.substring(0, 512));
    }

    @Test
    void forwardedForFromAnUntrustedPeerDoesNotChooseTheRecordedAddress() {
        String leadId = Forms.post()
                .header("X-Forwarded-For", "203.0.113.77")
                .body(minimal())
                .post("/api/leads")
                .then()
                .statusCode(202)
                .extract()
                .path("leadId");

        assertThat(rows.consentRecords(leadId)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("truncated_ip", "127.0.0.0"));
    }

    private static Instant instant(Object timestamp) {
        if (timestamp instanceof Instant instant) {
            return instant;
        }
        if (timestamp instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) timestamp).toInstant();
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
