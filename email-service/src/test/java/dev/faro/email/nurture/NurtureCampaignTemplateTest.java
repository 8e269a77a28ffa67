package dev.faro.email.nurture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.unsubscribe.SuppressionList;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step may name a template the campaign wrote itself (campaign_template) rather than a built-in one. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class NurtureCampaignTemplateTest {

    private static final Duration PROCESSING = Duration.ofSeconds(30);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();
    private final NurtureLeads leads = new NurtureLeads(kafka);

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    @Inject
    EntityManager entityManager;

    @Inject
    SuppressionList suppressions;

    @Test
    void aStepNamingTheCampaignsOwnTemplateIsWrittenWithIt() {
        String campaign = campaignWithSpringStepInSpanishOnly();
        LeadEvents lead = LeadEvents.fresh();

        leads.capture(lead, campaign, "es");

        InboxMessage email = await().atMost(PROCESSING)
                .until(() -> inbox.messagesTo(lead.email()), received -> !received.isEmpty())
                .get(0);
        assertThat(email.messageId()).isEqualTo(NurtureLeads.messageId(lead, 1));
        assertThat(email.subject()).isEqualTo("¿Llegó la primavera? Begoña Núñez, ¡mañana hay más!");
        assertThat(email.html()).contains("Paseos de primavera para Begoña Núñez");
        assertThat(email.header("List-Unsubscribe")).isNotBlank();
    }

    @Test
    void aStepWhoseTemplateTheLeadsLanguageLacksIsNotSentAndTheLedgerSaysWhy() {
        String campaign = campaignWithSpringStepInSpanishOnly();
        LeadEvents lead = LeadEvents.fresh();

        leads.capture(lead, campaign, "en");

        String error = await().atMost(PROCESSING).until(() -> lastError(lead, "failed"), reason -> reason != null);
        assertThat(error).contains("nurture-spring", "not built in", "en");
        assertThat(inbox.messagesTo(lead.email())).isEmpty();
        // Failed at once, not retried: and the address is not blamed for it.
        assertThat(attempts(lead)).isEqualTo(1);
        assertThat(suppressions.refusal(lead.leadId(), campaign, lead.email(), MailCategory.REQUESTED))
                .isEmpty();
    }

    private String campaignWithSpringStepInSpanishOnly() {
        String campaign = NurtureLeads.freshCampaign();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        """
                        insert into campaign_template (campaign, template, locale, subject, html, text)
                        values (:campaign, 'nurture-spring', 'es', '¿Llegó la primavera? {name}, ¡mañana hay más!',
                                :html, 'Primavera para {name}. Baja: {footer.unsubscribeUrl} {footer.postalAddress}')
                        """)
                .setParameter("campaign", campaign)
                .setParameter(
                        "html",
                        "<p>Paseos de primavera para {name}</p>"
                                + "<p><a href=\"{footer.unsubscribeUrl}\">Baja</a> {footer.postalAddress}</p>")
                .executeUpdate());
        new NurtureAdmin(campaigns.toString())
                .save(
                        campaign,
                        "{\"steps\": [{\"delay\": \"PT1S\", \"template\": \"nurture-spring\","
                                + " \"condition\": \"always\"}]}");
        return campaign;
    }

    private int attempts(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery(
                                "select attempts from send_ledger where lead_id = :lead and message_kind = 'nurture'")
                        .setParameter("lead", lead.leadId())
                        .getSingleResult())
                .intValue());
    }

    private String lastError(LeadEvents lead, String status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> errors = entityManager
                    .createNativeQuery("select last_error from send_ledger"
                            + " where lead_id = :lead and message_kind = 'nurture' and status = :status")
                    .setParameter("lead", lead.leadId())
                    .setParameter("status", status)
                    .getResultList();
            return errors.isEmpty() ? null : (String) errors.get(0);
        });
    }
}
