package dev.faro.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.email.sending.MailCategory;
import dev.faro.local.infra.Inbox;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No marketing kind exists yet, so the rule for it is checked on the suppression list the sender asks. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class ConsentRuleTest {

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();
    private final CampaignLeads leads = new CampaignLeads(kafka);

    @Inject
    SuppressionList suppressions;

    @Test
    void leadWithoutMarketingConsentGetsTheIncentiveButNoMarketing() {
        LeadEvents lead = LeadEvents.fresh();

        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", false);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> inbox.messagesTo(lead.email()).size() == 1);
        assertThat(suppressions.refusal(lead.leadId(), CampaignLeads.DEMO, lead.email(), MailCategory.MARKETING))
                .contains("suppressed: no marketing consent");
        assertThat(suppressions.refusal(lead.leadId(), CampaignLeads.DEMO, lead.email(), MailCategory.REQUESTED))
                .isEmpty();
    }

    @Test
    void leadWithMarketingConsentMayGetMarketing() {
        LeadEvents lead = LeadEvents.fresh();

        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> inbox.messagesTo(lead.email()).size() == 1);
        assertThat(suppressions.refusal(lead.leadId(), CampaignLeads.DEMO, lead.email(), MailCategory.MARKETING))
                .isEmpty();
    }
}
