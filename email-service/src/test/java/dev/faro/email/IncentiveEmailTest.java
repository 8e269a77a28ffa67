package dev.faro.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.EmailSent;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class IncentiveEmailTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** How long "still exactly one" is watched for after the first email arrived. */
    private static final Duration NO_SECOND_EMAIL = Duration.ofSeconds(4);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Test
    void capturedLeadWithIssuedIncentiveGetsOneSpanishEmailWithItsCode() {
        LeadEvents lead = LeadEvents.fresh();

        lead.captureOn(kafka, "Begoña Sáenz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued("ESPA-0001-CODE"));

        InboxMessage email = theOnlyEmailTo(lead);
        assertThat(email.subject()).isEqualTo("Tu código de descuento del 10 % y tu ebook");
        assertThat(email.messageId()).isEqualTo("<incentive.0." + lead.leadId() + "@faro.local>");
        assertThat(email.from()).contains("hola@faro.local");
        assertThat(email.text())
                .contains("Hola, Begoña Sáenz:")
                .contains("ESPA-0001-CODE")
                .contains("10 %")
                .contains("Desbloquea el poder de las redes sociales")
                .contains("https://faro.example.org/ebooks/redes-sociales.pdf");
        assertThat(email.html())
                .contains("Begoña Sáenz")
                .contains("ESPA-0001-CODE")
                .contains("<a href=\"https://faro.example.org/ebooks/redes-sociales.pdf\">"
                        + "Desbloquea el poder de las redes sociales</a>");
    }

    @Test
    void sentEmailIsReportedAsAValidEmailSentEvent() {
        LeadEvents lead = LeadEvents.fresh();

        lead.captureOn(kafka, "Begoña Sáenz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued("SENT-0001-CODE"));

        EventEnvelope sent = await().atMost(DELIVERY)
                .until(() -> emailEvents(lead, EventType.EMAIL_SENT), events -> !events.isEmpty())
                .get(0);
        EmailSent data = EventCodec.instance().data(sent, EmailSent.class);
        assertThat(data)
                .isEqualTo(new EmailSent(
                        lead.leadId(), "demo", "incentive", 0, "<incentive.0." + lead.leadId() + "@faro.local>"));
        assertThat(sent.source()).isEqualTo("/faro/email-service");
        assertThat(theOnlyEmailTo(lead).messageId()).isEqualTo(data.messageId());
    }

    @Test
    void englishLeadGetsTheEnglishEmail() {
        LeadEvents lead = LeadEvents.fresh();

        lead.captureOn(kafka, "Ada Lovelace", "en-GB");
        kafka.publish(lead.key(), lead.incentiveIssued("ENGL-0001-CODE"));

        InboxMessage email = theOnlyEmailTo(lead);
        assertThat(email.subject()).isEqualTo("Your 10% discount code and your ebook");
        assertThat(email.text()).contains("Hi Ada Lovelace,").contains("ENGL-0001-CODE");
        assertThat(email.html()).contains("Hi Ada Lovelace,").contains("ENGL-0001-CODE");
    }

    @Test
    void redeliveredAndRepeatedIncentivesStillSendOneEmail() {
        LeadEvents lead = LeadEvents.fresh();
        EventEnvelope first = lead.incentiveIssued("ONCE-0001-CODE");

        lead.captureOn(kafka, "Begoña Sáenz", "es");
        kafka.publish(lead.key(), first);
        kafka.publish(lead.key(), first);
        kafka.publish(lead.key(), lead.incentiveIssued("ONCE-0002-CODE"));

        assertThat(theOnlyEmailTo(lead).text()).contains("ONCE-0001-CODE");
        await().during(NO_SECOND_EMAIL)
                .atMost(NO_SECOND_EMAIL.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()).size() == 1);
        await().during(Duration.ofSeconds(2))
                .atMost(DELIVERY)
                .until(() -> emailEvents(lead, EventType.EMAIL_SENT).size() == 1);
    }

    @Test
    void incentiveArrivingBeforeItsLeadIsSentOnceTheLeadArrives() {
        LeadEvents lead = LeadEvents.fresh();

        kafka.publish(lead.key(), lead.incentiveIssued("EARLY-0001-CODE"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> inbox.messagesTo(lead.email())
                .isEmpty());
        lead.captureOn(kafka, "Begoña Sáenz", "es");

        assertThat(theOnlyEmailTo(lead).text()).contains("EARLY-0001-CODE");
    }

    @Test
    void nameIsEscapedInTheHtmlPart() {
        LeadEvents lead = LeadEvents.fresh();

        lead.captureOn(kafka, "<script>alert(1)</script>", "es");
        kafka.publish(lead.key(), lead.incentiveIssued("SAFE-0001-CODE"));

        InboxMessage email = theOnlyEmailTo(lead);
        assertThat(email.html())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    /** Waits for the lead's email, then checks no second one follows. */
    private InboxMessage theOnlyEmailTo(LeadEvents lead) {
        await().atMost(DELIVERY).until(() -> !inbox.messagesTo(lead.email()).isEmpty());
        List<InboxMessage> emails = await().during(NO_SECOND_EMAIL)
                .atMost(NO_SECOND_EMAIL.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()), received -> received.size() == 1);
        return emails.get(0);
    }

    /** The lead's events of one type on faro.emails, each decoded and validated against the contract. */
    private List<EventEnvelope> emailEvents(LeadEvents lead, EventType type) {
        return kafka.records(Topics.EMAILS.name(), r -> lead.key().equals(r.key())).stream()
                .map(ConsumerRecord::value)
                .map(EventCodec.instance()::decode)
                .filter(event -> event.eventType() == type)
                .toList();
    }
}
