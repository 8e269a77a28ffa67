package dev.faro.email.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventEnvelope;
import dev.faro.contract.EventType;
import dev.faro.contract.events.ErasureLink;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A person who asked to be erased gets the link that does it, in their language, once per request. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class ErasureLinkEmailTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** How long "still exactly this many" is watched for once the emails arrived. */
    private static final Duration NO_MORE_EMAIL = Duration.ofSeconds(4);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Test
    void theLinkIsEmailedInSpanishWithTheLinkInBothPartsAndItsOwnMessageId() {
        LeadEvents lead = LeadEvents.fresh();
        String url = linkOf(lead);
        Instant expiresAt = inADay();
        lead.captureOn(kafka, "Begoña Sáenz", "es");

        kafka.publish(lead.key(), erasureLinkRequested(lead, url, "es", expiresAt));

        InboxMessage email = emailsTo(lead, 1).get(0);
        assertThat(email.subject()).isEqualTo("Confirma que quieres borrar tus datos");
        assertThat(email.messageId())
                .isEqualTo("<erasure-link." + expiresAt.getEpochSecond() / 60 + "." + lead.leadId() + "@faro.local>");
        assertThat(email.text()).contains("Hola, Begoña Sáenz:").contains(url).contains("El enlace caduca el");
        assertThat(email.html())
                .contains("<html lang=\"es\">")
                .contains("<a href=\"" + url + "\"")
                .contains("Borrar mis datos");
    }

    @Test
    void anEnglishLeadGetsItInEnglishWithItsNameEscaped() {
        LeadEvents lead = LeadEvents.fresh();
        String url = linkOf(lead);
        lead.captureOn(kafka, "<b>Ada</b>", "en");

        kafka.publish(lead.key(), erasureLinkRequested(lead, url, "en", inADay()));

        InboxMessage email = emailsTo(lead, 1).get(0);
        assertThat(email.subject()).isEqualTo("Confirm that you want your data erased");
        assertThat(email.text()).contains("Hi <b>Ada</b>,").contains(url).contains("The link expires on");
        assertThat(email.html()).contains("&lt;b&gt;Ada&lt;/b&gt;").doesNotContain("<b>Ada</b>");
    }

    @Test
    void aRedeliveredRequestSendsNothingMoreWhileANewRequestSendsANewEmail() {
        LeadEvents lead = LeadEvents.fresh();
        lead.captureOn(kafka, "Rita", "es");
        EventEnvelope request = erasureLinkRequested(lead, linkOf(lead), "es", inADay());

        kafka.publish(lead.key(), request);
        kafka.publish(lead.key(), request);
        emailsTo(lead, 1);
        kafka.publish(lead.key(), erasureLinkRequested(lead, linkOf(lead), "es", inADay().plusSeconds(120)));

        emailsTo(lead, 2);
    }

    @Test
    void anExpiredLinkOrAnErasedLeadIsSentNothing() {
        LeadEvents expired = LeadEvents.fresh();
        expired.captureOn(kafka, "Tarde", "es");
        LeadEvents erased = LeadEvents.fresh();
        erased.captureOn(kafka, "Borrada", "es");
        kafka.publish(erased.key(), erased.erased());

        kafka.publish(
                expired.key(),
                erasureLinkRequested(
                        expired, linkOf(expired), "es", Instant.now().minusSeconds(60)));
        kafka.publish(erased.key(), erasureLinkRequested(erased, linkOf(erased), "es", inADay()));
        LeadEvents marker = LeadEvents.fresh();
        marker.captureOn(kafka, "Marca", "es");
        kafka.publish(marker.key(), erasureLinkRequested(marker, linkOf(marker), "es", inADay()));

        emailsTo(marker, 1);
        assertThat(inbox.messagesTo(expired.email())).isEmpty();
        assertThat(inbox.messagesTo(erased.email())).isEmpty();
    }

    private static EventEnvelope erasureLinkRequested(LeadEvents lead, String url, String locale, Instant expiresAt) {
        return GoldenEvents.fresh(
                EventType.ERASURE_LINK_REQUESTED,
                Map.of(
                        "leadId", lead.leadId(),
                        "locale", locale,
                        "expiresAt", expiresAt.toString(),
                        "link", LeadSeal.seal(lead.dataKey(), lead.leadId(), new ErasureLink(url))));
    }

    private static Instant inADay() {
        return Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String linkOf(LeadEvents lead) {
        return "https://leads.faro.example/api/privacy/erase?token=test-token-" + lead.leadId();
    }

    /** Waits for {@code count} emails to the lead, then checks no more follow. */
    private List<InboxMessage> emailsTo(LeadEvents lead, int count) {
        await().atMost(DELIVERY).until(() -> inbox.messagesTo(lead.email()).size() >= count);
        return await().during(NO_MORE_EMAIL)
                .atMost(NO_MORE_EMAIL.plusSeconds(5))
                .until(() -> inbox.messagesTo(lead.email()), emails -> emails.size() == count);
    }
}
