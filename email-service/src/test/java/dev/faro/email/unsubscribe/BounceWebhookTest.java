package dev.faro.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventType;
import dev.faro.contract.events.EmailFailed;
import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class BounceWebhookTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();
    private final CampaignLeads leads = new CampaignLeads(kafka);

    @TestHTTPResource("/api/email/bounces")
    URL bounces;

    @Test
    void reportsNeedTheAdminRole() {
        String report = report("someone@example.org", "complaint", false);

        assertThat(Http.postJson(bounces.toString(), report, null).statusCode()).isEqualTo(401);
        assertThat(Http.postJson(bounces.toString(), report, TestTokens.bearer(Roles.MARKETER))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void hardBounceSuppressesTheAddressWhateverItsCase() {
        LeadEvents lead = LeadEvents.fresh();

        HttpResponse<String> first = admin(report(lead.email().toUpperCase(Locale.ROOT), "bounce", true));
        HttpResponse<String> again = admin(report(lead.email(), "bounce", true));
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body())
                .contains("\"suppressed\":true")
                .contains("\"email\":\"" + lead.email() + "\"")
                .contains("\"reason\":\"hard-bounced\"");
        assertThat(again.body()).contains("\"suppressed\":false");
        assertThat(failure(lead).reason()).isEqualTo("suppressed: hard-bounced");
        assertThat(inbox.messagesTo(lead.email())).isEmpty();
    }

    @Test
    void complaintSuppressesTheAddress() {
        LeadEvents lead = LeadEvents.fresh();

        assertThat(admin(report(lead.email(), "complaint", false)).body()).contains("\"suppressed\":true");
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);

        assertThat(failure(lead).reason()).isEqualTo("suppressed: complained");
    }

    @Test
    void softBounceChangesNothing() {
        LeadEvents lead = LeadEvents.fresh();

        assertThat(admin(report(lead.email(), "bounce", false)).body()).contains("\"suppressed\":false");
        leads.captureWithIncentive(lead, CampaignLeads.DEMO, "es", true);

        await().atMost(DELIVERY).until(() -> inbox.messagesTo(lead.email()).size() == 1);
    }

    @Test
    void confirmationStillGoesToASuppressedAddress() {
        LeadEvents lead = LeadEvents.fresh();

        admin(report(lead.email(), "complaint", false));
        leads.captureAwaitingConfirmation(lead, "https://leads.faro.example/api/leads/confirm?token=t-" + lead.key());

        await().atMost(DELIVERY).until(() -> inbox.messagesTo(lead.email()).size() == 1);
    }

    @Test
    void reportWithoutAnAddressOrWithAnUnknownTypeIsRefused() {
        HttpResponse<String> response = admin("{\"email\":\"\",\"type\":\"delivered\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"email\"").contains("\"type\"");
    }

    private HttpResponse<String> admin(String report) {
        return Http.postJson(bounces.toString(), report, TestTokens.bearer(Roles.ADMIN));
    }

    private static String report(String email, String type, boolean permanent) {
        return "{\"email\":\"" + email + "\",\"type\":\"" + type + "\",\"permanent\":" + permanent + "}";
    }

    private EmailFailed failure(LeadEvents lead) {
        var failed = await().atMost(DELIVERY)
                .until(() -> leads.emailEvents(lead, EventType.EMAIL_FAILED), events -> !events.isEmpty())
                .get(0);
        return EventCodec.instance().data(failed, EmailFailed.class);
    }
}
