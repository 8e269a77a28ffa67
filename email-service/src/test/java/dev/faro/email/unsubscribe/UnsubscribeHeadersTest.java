package dev.faro.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class UnsubscribeHeadersTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String LINK_PREFIX = "https://email.faro.test/api/unsubscribe/";
    private static final String POSTAL_ADDRESS = "Faro · Calle Mayor 1 · 28013 Madrid · España";

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();
    private final CampaignLeads leads = new CampaignLeads(kafka);

    @Inject
    UnsubscribeTokens tokens;

    @Test
    void incentiveEmailCarriesOneClickUnsubscribeForItsLeadAndAFooterWithTheLinkAndThePostalAddress() {
        LeadEvents lead = LeadEvents.fresh();

        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", false);

        InboxMessage email = emailTo(lead);
        String url = unsubscribeUrlOf(email);
        assertThat(url).startsWith(LINK_PREFIX);
        assertThat(tokens.leadOf(url.substring(LINK_PREFIX.length()))).contains(lead.leadId());
        assertThat(email.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(email.html())
                .contains("<a href=\"" + url + "\">Darse de baja</a>")
                .contains(POSTAL_ADDRESS);
        assertThat(email.text()).contains("Para darte de baja: " + url).contains(POSTAL_ADDRESS);
    }

    @Test
    void englishIncentiveEmailHasTheEnglishFooter() {
        LeadEvents lead = LeadEvents.fresh();

        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "en", true);

        InboxMessage email = emailTo(lead);
        String url = unsubscribeUrlOf(email);
        assertThat(email.html())
                .contains("<a href=\"" + url + "\">Unsubscribe</a>")
                .contains(POSTAL_ADDRESS);
        assertThat(email.text()).contains("To unsubscribe: " + url).contains(POSTAL_ADDRESS);
    }

    @Test
    void confirmationEmailCarriesNoUnsubscribe() {
        LeadEvents lead = LeadEvents.fresh();

        leads.captureAwaitingConfirmation(lead, "https://leads.faro.example/api/leads/confirm?token=t-" + lead.key());

        InboxMessage email = emailTo(lead);
        assertThat(email.messageId()).startsWith("<confirmation.");
        assertThat(email.header("List-Unsubscribe")).isNull();
        assertThat(email.header("List-Unsubscribe-Post")).isNull();
        assertThat(email.text()).doesNotContain("/api/unsubscribe/").doesNotContain(POSTAL_ADDRESS);
        assertThat(email.html()).doesNotContain("/api/unsubscribe/");
    }

    private InboxMessage emailTo(LeadEvents lead) {
        return await().atMost(DELIVERY)
                .until(() -> inbox.messagesTo(lead.email()), emails -> !emails.isEmpty())
                .get(0);
    }

    /** The URL inside {@code List-Unsubscribe: <…>}. */
    static String unsubscribeUrlOf(InboxMessage email) {
        String header = email.header("List-Unsubscribe");
        assertThat(header).startsWith("<").endsWith(">");
        return header.substring(1, header.length() - 1);
    }
}
