package dev.faro.email.template;

import static dev.faro.email.template.IncentiveTemplates.freshCampaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventType;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.privacy.LeadSeal;
import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
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
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class TemplateOverrideDeliveryTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String POSTAL_ADDRESS = "Faro · Calle Mayor 1 · 28013 Madrid · España";

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @TestHTTPResource("/api/admin/campaigns/")
    URL campaigns;

    @Inject
    EntityManager entityManager;

    @Test
    void aLeadOfTheCampaignGetsTheOverriddenIncentiveEmailWithItsUnsubscribeLink() {
        String campaign = freshCampaign();
        TemplateApi.asMarketer(campaigns).save(campaign, "incentive", "es", IncentiveTemplates.spanish());
        LeadEvents lead = LeadEvents.fresh();

        captureWithIncentive(lead, campaign, "Begoña Sáenz", "es", "OVER-0001-CODE");

        InboxMessage email = emailTo(lead);
        assertThat(email.subject()).isEqualTo("¿Lista, Begoña Sáenz? Tu código de campaña está aquí");
        assertThat(email.header("Content-Type")).startsWith("multipart/");
        String unsubscribe = email.header("List-Unsubscribe");
        assertThat(unsubscribe).startsWith("<https://email.faro.test/api/unsubscribe/");
        String url = unsubscribe.substring(1, unsubscribe.length() - 1);
        assertThat(email.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(email.text())
                .contains("¡Hola, Begoña Sáenz! Tu código: OVER-0001-CODE")
                .contains("Baja: " + url)
                .contains(POSTAL_ADDRESS)
                .doesNotContain("Gracias por tu interés");
        assertThat(email.html())
                .contains("¡Hola, Begoña Sáenz! Tu código: <strong>OVER-0001-CODE</strong>")
                .contains(POSTAL_ADDRESS)
                .doesNotContain("Gracias por tu interés");
    }

    @Test
    void aLeadOfTheCampaignInTheOtherLanguageGetsTheBuiltInEmail() {
        String campaign = freshCampaign();
        TemplateApi.asMarketer(campaigns).save(campaign, "incentive", "es", IncentiveTemplates.spanish());
        LeadEvents lead = LeadEvents.fresh();

        captureWithIncentive(lead, campaign, "Ada Lovelace", "en", "BUIL-0001-CODE");

        InboxMessage email = emailTo(lead);
        assertThat(email.subject()).isEqualTo("Your 10% discount code and your ebook");
        assertThat(email.text()).contains("Hi Ada Lovelace,").contains("BUIL-0001-CODE");
    }

    @Test
    void deletingTheOverrideRestoresTheBuiltInEmail() {
        String campaign = freshCampaign();
        TemplateApi api = TemplateApi.asMarketer(campaigns);
        api.save(campaign, "incentive", "es", IncentiveTemplates.spanish());
        assertThat(api.delete(campaign, "incentive", "es").statusCode()).isEqualTo(204);
        LeadEvents lead = LeadEvents.fresh();

        captureWithIncentive(lead, campaign, "Begoña Sáenz", "es", "REST-0001-CODE");

        InboxMessage email = emailTo(lead);
        assertThat(email.subject()).isEqualTo("Tu código de descuento del 10 % y tu ebook");
        assertThat(email.text()).contains("¡Gracias por tu interés!").contains("REST-0001-CODE");
    }

    @Test
    void leadNamesInTheOverriddenHtmlAreShownAsTextNotMarkup() {
        String campaign = freshCampaign();
        TemplateApi.asMarketer(campaigns).save(campaign, "incentive", "es", IncentiveTemplates.spanish());
        LeadEvents script = LeadEvents.fresh();
        LeadEvents attribute = LeadEvents.fresh();

        captureWithIncentive(script, campaign, "<script>alert(1)</script>", "es", "XSS1-0001-CODE");
        captureWithIncentive(attribute, campaign, "\"><img src=x onerror=alert(1)>", "es", "XSS2-0001-CODE");

        InboxMessage first = emailTo(script);
        assertThat(first.html())
                .contains("¡Hola, &lt;script&gt;alert(1)&lt;/script&gt;! Tu código: <strong>XSS1-0001-CODE")
                .doesNotContain("<script>");
        assertThat(first.text()).contains("¡Hola, <script>alert(1)</script>!");
        InboxMessage second = emailTo(attribute);
        assertThat(second.html())
                .contains("¡Hola, &quot;&gt;&lt;img src=x onerror=alert(1)&gt;! Tu código: <strong>XSS2-0001-CODE")
                .doesNotContain("<img");
        assertThat(second.subject())
                .isEqualTo("¿Lista, \"><img src=x onerror=alert(1)>? Tu código de campaña está aquí");
    }

    /**
     * The marketer's HTML is trusted, but a lead's name is not: put in an attribute it stays in it, and a line break
     * in it leaves the subject one line, with no header or recipient added.
     */
    @Test
    void aNameInAnAttributeStaysInItAndALineBreakInItAddsNoHeader() {
        String campaign = freshCampaign();
        TemplateApi.asMarketer(campaigns)
                .save(
                        campaign,
                        "incentive",
                        "es",
                        IncentiveTemplates.spanish(
                                "Hola {name}, tu código",
                                """
                                <p><a href="https://shop.example.org/?ref={name}" title="{name}">Tienda</a> \
                                {incentive.code}</p>
                                <p><a href="{footer.unsubscribeUrl}">Darse de baja</a> · {footer.postalAddress}</p>
                                """,
                                IncentiveTemplates.TEXT_ES));
        LeadEvents lead = LeadEvents.fresh();
        String intruder = "intruder-" + UUID.randomUUID() + "@example.org";
        String hostile = "\"><img src=x onerror=alert(1)>";

        captureWithIncentive(
                lead, campaign, "Ana\r\nBcc: " + intruder + "\r\nX-Injected: yes " + hostile, "es", "ATTR-0001-CODE");

        InboxMessage email = emailTo(lead);
        assertThat(email.subject())
                .isEqualTo("Hola Ana Bcc: " + intruder + " X-Injected: yes " + hostile + ", tu código");
        assertThat(email.to()).containsExactly(lead.email());
        assertThat(email.headers().keySet())
                .noneMatch(header -> header.equalsIgnoreCase("Bcc") || header.equalsIgnoreCase("X-Injected"));
        Document html = Jsoup.parse(email.html());
        assertThat(html.select("img, [onerror]")).isEmpty();
        Element shop = html.selectFirst("a[title]");
        assertThat(shop).isNotNull();
        assertThat(shop.attr("href"))
                .startsWith("https://shop.example.org/?ref=Ana")
                .endsWith(hostile);
        assertThat(shop.attr("title")).endsWith(hostile);
        assertThat(shop.text()).isEqualTo("Tienda");
        assertThat(email.html()).doesNotContain(hostile);
        assertThat(inbox.messagesTo(intruder)).isEmpty();
    }

    @Test
    void anOverrideWrittenStraightToTheTableWithoutTheFooterIsSkippedForTheBuiltInEmail() {
        String campaign = freshCampaign();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery(
                        """
                        insert into campaign_template (campaign, template, locale, subject, html, text)
                        values (:campaign, 'incentive', 'es', 'Sin baja', '<p>{incentive.code}</p>', '{incentive.code}')
                        """)
                .setParameter("campaign", campaign)
                .executeUpdate());
        LeadEvents lead = LeadEvents.fresh();

        captureWithIncentive(lead, campaign, "Begoña Sáenz", "es", "FOOT-0001-CODE");

        InboxMessage email = emailTo(lead);
        assertThat(email.subject()).isEqualTo("Tu código de descuento del 10 % y tu ebook");
        assertThat(email.text()).contains("Para darte de baja: ").contains(POSTAL_ADDRESS);
        assertThat(email.header("List-Unsubscribe")).startsWith("<https://email.faro.test/api/unsubscribe/");
    }

    /** The lead signs up for {@code campaign} (with marketing consent) and is issued its incentive there. */
    private void captureWithIncentive(LeadEvents lead, String campaign, String name, String locale, String code) {
        PersonalData personal = new PersonalData(lead.email(), name, null, null, null, null, Map.of());
        kafka.publish(lead.key(), lead.keyIssued());
        kafka.publish(
                lead.key(),
                GoldenEvents.fresh(
                        EventType.LEAD_CAPTURED,
                        Map.of(
                                "leadId",
                                lead.leadId(),
                                "campaign",
                                campaign,
                                "locale",
                                locale,
                                "personal",
                                LeadSeal.seal(lead.dataKey(), lead.leadId(), personal))));
        kafka.publish(lead.key(), lead.incentiveIssued(UUID.randomUUID(), code, campaign));
    }

    private InboxMessage emailTo(LeadEvents lead) {
        return await().atMost(DELIVERY)
                .until(() -> inbox.messagesTo(lead.email()), emails -> !emails.isEmpty())
                .get(0);
    }
}
