package dev.faro.email.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventType;
import dev.faro.email.LeadEvents;
import dev.faro.email.sending.SendLedger;
import dev.faro.email.timing.TimingLeads.LedgerRow;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Quiet hours from 21:00 to 09:00 in the lead's time zone. Zones are picked by what their clocks read when the test
 * runs, so "night" is the lead's night whatever the hour here.
 */
@QuarkusTest
@TestProfile(QuietHoursDeferralTest.NightsAreQuiet.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class QuietHoursDeferralTest {

    /** The production window (the test profile otherwise turns it off), and a default zone where it is night. */
    public static class NightsAreQuiet implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "faro.email.timing.quiet-hours.start", "21:00",
                    "faro.email.timing.quiet-hours.end", "09:00",
                    "faro.email.timing.default-time-zone", Zones.atNight().getId());
        }
    }

    /** How long "no email" is watched for. */
    private static final Duration QUIET = Duration.ofSeconds(4);

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Inject
    EntityManager entityManager;

    @Inject
    SendLedger ledger;

    @Inject
    TimingConfig config;

    private TimingLeads leads;

    @BeforeEach
    void fixture() {
        leads = new TimingLeads(kafka, entityManager, ledger);
    }

    @Test
    void aReminderToALeadAtNightWaitsUntilNineWhereTheLeadLives() {
        ZoneId night = Zones.atNight();
        LeadEvents lead = leads.captured(night.getId());

        leads.remind(lead, 1);

        LedgerRow held = awaitHeld(lead);
        assertThat(held.nextAttemptAt()).isEqualTo(Zones.nextNineOClock(night));
        assertThat(held.lastError()).startsWith("quiet-hours: ").contains(night.getId());
        assertNoEmailTo(lead);
    }

    @Test
    void aReminderToALeadInDaytimeGoesAtOnce() {
        LeadEvents lead = leads.captured(Zones.inDaytime().getId());

        leads.remind(lead, 1);

        await().atMost(TimingLeads.PROCESSING)
                .until(() -> inbox.messagesTo(lead.email()).size() == 1);
        assertThat(leads.reminders(lead)).singleElement().matches(LedgerRow::sent);
    }

    @Test
    void anIncentiveEmailToALeadAtNightGoesAtOnce() {
        LeadEvents lead = leads.captured(Zones.atNight().getId());

        kafka.publish(lead.key(), lead.incentiveIssued("NOCT-0001-CODE"));

        List<InboxMessage> emails = await().atMost(TimingLeads.PROCESSING)
                .until(() -> inbox.messagesTo(lead.email()), received -> !received.isEmpty());
        assertThat(emails)
                .extracting(InboxMessage::messageId)
                .containsExactly("<incentive.0." + lead.leadId() + "@faro.local>");
    }

    @Test
    void aLeadWhoseFormReportedAnUnknownTimeZoneKeepsTheNightOfItsCampaign() {
        ZoneId night = Zones.atNight();
        String campaign = "timing-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.publish(
                campaign,
                GoldenEvents.fresh(
                        EventType.CAMPAIGN_CHANGED,
                        Map.of("campaign", campaign, "revision", 1, "timeZone", night.getId())));
        await().atMost(TimingLeads.PROCESSING).until(() -> campaignKnown(campaign));
        LeadEvents lead = leads.captured("Mars/Olympus_Mons", campaign);
        assertThat(leads.storedTimeZone(lead)).isNull();

        leads.remind(lead, 1, campaign);

        assertThat(awaitHeld(lead).nextAttemptAt()).isEqualTo(Zones.nextNineOClock(night));
        assertNoEmailTo(lead);
    }

    @Test
    void aLeadWithNoTimeZoneInACampaignNotKnownHereKeepsTheDefaultZonesNight() {
        String campaign = "unknown-" + UUID.randomUUID().toString().substring(0, 8);
        LeadEvents lead = leads.captured(null, campaign);

        leads.remind(lead, 1, campaign);

        assertThat(awaitHeld(lead).nextAttemptAt()).isEqualTo(Zones.nextNineOClock(config.defaultTimeZone()));
        assertNoEmailTo(lead);
    }

    private LedgerRow awaitHeld(LeadEvents lead) {
        return await().atMost(TimingLeads.PROCESSING)
                .until(
                        () -> leads.reminders(lead),
                        rows -> rows.size() == 1
                                && rows.get(0).pending()
                                && rows.get(0).lastError() != null)
                .get(0);
    }

    private void assertNoEmailTo(LeadEvents lead) {
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> inbox.messagesTo(lead.email())
                .isEmpty());
        assertThat(leads.reminders(lead)).singleElement().matches(LedgerRow::pending);
    }

    private boolean campaignKnown(String campaign) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("select 1 from campaign_view where campaign_id = :id")
                .setParameter("id", campaign)
                .getResultList()
                .isEmpty());
    }
}
