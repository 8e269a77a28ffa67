package dev.faro.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.NullNode;
import dev.faro.contract.EventCodec;
import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.Topics;
import dev.faro.contract.events.EmailSent;
import dev.faro.contract.events.IncentiveIssued;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    @Test
    void fixedDiscountReadsWithItsAmountAndCurrencyInSpanishAndEnglish() {
        LeadEvents spanish = LeadEvents.fresh();
        LeadEvents english = LeadEvents.fresh();

        spanish.captureOn(kafka, "Begoña Sáenz", "es");
        english.captureOn(kafka, "Ada Lovelace", "en");
        Map<String, Object> fixed = Map.of(
                "kind",
                IncentiveIssued.FIXED_DISCOUNT,
                "discountPercent",
                NullNode.getInstance(),
                "discountAmount",
                new BigDecimal("5.50"),
                "currency",
                "EUR",
                "content",
                NullNode.getInstance());
        kafka.publish(spanish.key(), incentive(spanish, "FIXE-0001-CODE", fixed));
        kafka.publish(english.key(), incentive(english, "FIXE-0002-CODE", fixed));

        InboxMessage es = theOnlyEmailTo(spanish);
        assertThat(es.subject()).isEqualTo("Tu código de descuento de 5,50 €");
        assertThat(es.text())
                .contains("Este es tu código de descuento de 5,50 €:")
                .contains("FIXE-0001-CODE");
        assertThat(es.html()).contains("Este es tu código de descuento de 5,50 €:");
        InboxMessage en = theOnlyEmailTo(english);
        assertThat(en.subject()).isEqualTo("Your €5.50 discount code");
        assertThat(en.text()).contains("Here is your €5.50 discount code:").contains("FIXE-0002-CODE");
    }

    @Test
    void freeTrialReadsWithItsDays() {
        LeadEvents spanish = LeadEvents.fresh();
        LeadEvents english = LeadEvents.fresh();

        spanish.captureOn(kafka, "Begoña Sáenz", "es");
        english.captureOn(kafka, "Ada Lovelace", "en");
        Map<String, Object> trial = Map.of(
                "kind",
                IncentiveIssued.FREE_TRIAL,
                "discountPercent",
                NullNode.getInstance(),
                "trialDays",
                14,
                "content",
                NullNode.getInstance());
        kafka.publish(spanish.key(), incentive(spanish, "TRIA-0001-CODE", trial));
        kafka.publish(english.key(), incentive(english, "TRIA-0002-CODE", trial));

        InboxMessage es = theOnlyEmailTo(spanish);
        assertThat(es.subject()).isEqualTo("Tu prueba gratuita de 14 días");
        assertThat(es.text()).contains("Este es tu código para 14 días de prueba gratuita:");
        InboxMessage en = theOnlyEmailTo(english);
        assertThat(en.subject()).isEqualTo("Your 14-day free trial");
        assertThat(en.html())
                .contains("Here is your code for a 14-day free trial:")
                .contains("TRIA-0002-CODE");
    }

    @Test
    void freeGiftIsNamedEscapedAndFreeShippingAndContestEntryReadRight() {
        LeadEvents gift = LeadEvents.fresh();
        LeadEvents shipping = LeadEvents.fresh();
        LeadEvents contest = LeadEvents.fresh();

        gift.captureOn(kafka, "Begoña Sáenz", "es");
        shipping.captureOn(kafka, "Ada Lovelace", "en");
        contest.captureOn(kafka, "Begoña Sáenz", "es");
        kafka.publish(
                gift.key(),
                incentive(
                        gift,
                        "GIFT-0001-CODE",
                        Map.of(
                                "kind",
                                IncentiveIssued.FREE_GIFT,
                                "discountPercent",
                                NullNode.getInstance(),
                                "gift",
                                "una bolsa <b>Faro</b>")));
        kafka.publish(
                shipping.key(),
                incentive(
                        shipping,
                        "SHIP-0001-CODE",
                        Map.of(
                                "kind",
                                IncentiveIssued.FREE_SHIPPING,
                                "discountPercent",
                                NullNode.getInstance(),
                                "content",
                                NullNode.getInstance())));
        kafka.publish(
                contest.key(),
                incentive(
                        contest,
                        "DRAW-0001-CODE",
                        Map.of(
                                "kind",
                                IncentiveIssued.CONTEST_ENTRY,
                                "discountPercent",
                                NullNode.getInstance(),
                                "content",
                                NullNode.getInstance())));

        InboxMessage giftEmail = theOnlyEmailTo(gift);
        assertThat(giftEmail.subject()).isEqualTo("Tu regalo y tu ebook");
        assertThat(giftEmail.text()).contains("Te regalamos una bolsa <b>Faro</b>. Este es el código para pedirlo:");
        assertThat(giftEmail.html())
                .contains("Te regalamos una bolsa &lt;b&gt;Faro&lt;/b&gt;.")
                .doesNotContain("<b>Faro</b>");
        InboxMessage shippingEmail = theOnlyEmailTo(shipping);
        assertThat(shippingEmail.subject()).isEqualTo("Your free shipping code");
        assertThat(shippingEmail.text())
                .contains("Here is your free shipping code:")
                .contains("SHIP-0001-CODE");
        InboxMessage contestEmail = theOnlyEmailTo(contest);
        assertThat(contestEmail.subject()).isEqualTo("Tu participación en el sorteo");
        assertThat(contestEmail.text())
                .contains("Ya participas en el sorteo. Este es tu número de participación:")
                .contains("DRAW-0001-CODE");
    }

    /** The golden IncentiveIssued for the lead with {@code code} and {@code fields} replaced (a NullNode clears one). */
    private static EventEnvelope incentive(LeadEvents lead, String code, Map<String, Object> fields) {
        Map<String, Object> data = new HashMap<>(fields);
        data.put("incentiveId", UUID.randomUUID());
        data.put("leadId", lead.leadId());
        data.put("code", code);
        EventEnvelope event = GoldenEvents.fresh(EventType.INCENTIVE_ISSUED, data);
        assertThat(EventCodec.instance().violations(EventType.INCENTIVE_ISSUED, event.data()))
                .isEmpty();
        return event;
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
