package dev.faro.lead.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.lead.reconciliation.Discrepancy.Kind;
import dev.faro.lead.reconciliation.DownstreamLedgers.EmailEntry;
import dev.faro.lead.reconciliation.DownstreamLedgers.EventWaiting;
import dev.faro.lead.reconciliation.DownstreamLedgers.FunnelEntry;
import dev.faro.lead.reconciliation.DownstreamLedgers.Incentive;
import dev.faro.lead.reconciliation.DownstreamLedgers.IncentiveEntry;
import dev.faro.lead.reconciliation.DownstreamLedgers.KeyWait;
import dev.faro.lead.reconciliation.DownstreamLedgers.Message;
import dev.faro.lead.reconciliation.DownstreamLedgers.Refusal;
import dev.faro.support.outbox.UnsentEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadChecksTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant EARLIER = NOW.minusSeconds(600);
    private static final String CAMPAIGN = "demo";

    private final UUID leadId = UUID.randomUUID();
    private final AcknowledgedLead confirmed = new AcknowledgedLead(leadId, CAMPAIGN, false, EARLIER);
    private final ReconciliationTotals.Counter totals = new ReconciliationTotals.Counter();
    private final LeadChecks checks = new LeadChecks(NOW.minusSeconds(60), totals);

    @Test
    void aLeadWithOneIncentiveOneSentEmailAndTheFunnelCountingBothIsClean() {
        List<Discrepancy> found = checks.check(facts(confirmed, issued(), emails(sent(0)), funnel(1, 1, 1)));

        assertThat(found).isEmpty();
        assertThat(totals.incentivesIssued).isEqualTo(1);
        assertThat(totals.emailsSent).isEqualTo(1);
    }

    @Test
    void aConfirmedLeadWithoutIncentiveOrRefusalIsMissingItsIncentive() {
        List<Discrepancy> found = checks.check(facts(confirmed, nothingIssued(), emails(), funnel(1, 0, 0)));

        assertThat(found).extracting(Discrepancy::kind).containsExactly(Kind.INCENTIVE_MISSING);
        assertThat(found.get(0).leadId()).isEqualTo(leadId);
        assertThat(found.get(0).service()).isEqualTo("incentive-service");
    }

    @Test
    void aRefusalByAnOffersRuleAccountsForTheMissingIncentive() {
        IncentiveEntry refused = new IncentiveEntry(
                leadId, false, List.of(), List.of(new Refusal(CAMPAIGN, "budget-exhausted", EARLIER)), List.of());

        assertThat(checks.check(facts(confirmed, refused, emails(), funnel(1, 0, 0))))
                .isEmpty();
        assertThat(totals.incentivesRefused).isEqualTo(1);
    }

    @Test
    void twoIncentivesForOneLeadAndCampaignAreADuplicate() {
        IncentiveEntry twice = new IncentiveEntry(
                leadId,
                false,
                List.of(new Incentive(CAMPAIGN, "percent-discount", EARLIER), new Incentive(CAMPAIGN, "content", NOW)),
                List.of(),
                List.of());

        assertThat(checks.check(facts(confirmed, twice, emails(sent(0)), funnel(1, 2, 1))))
                .extracting(Discrepancy::kind)
                .containsExactly(Kind.INCENTIVE_DUPLICATED);
    }

    @Test
    void aLeadStillWaitingForItsConfirmationExpectsNoIncentiveAndMustNotHaveOne() {
        AcknowledgedLead pending = new AcknowledgedLead(leadId, CAMPAIGN, true, EARLIER);

        assertThat(checks.check(facts(pending, nothingIssued(), emails(), funnel(1, 0, 0))))
                .isEmpty();
        assertThat(checks.check(facts(pending, issued(), emails(sent(0)), funnel(1, 1, 1))))
                .extracting(Discrepancy::kind)
                .containsExactly(Kind.INCENTIVE_UNEXPECTED);
    }

    @Test
    void anIssuedIncentiveWithoutItsEmailIsMissingItsEmail() {
        assertThat(checks.check(facts(confirmed, issued(), emails(), funnel(1, 1, 0))))
                .extracting(Discrepancy::kind)
                .containsExactly(Kind.EMAIL_MISSING);
    }

    @Test
    void anEmailStillPendingIsNotFinalAndOneThatFailedIsFinal() {
        Message pending = new Message("incentive", 0, "pending", "<m>", 3, false, EARLIER, null);
        Message failed = new Message("incentive", 0, "failed", "<m>", 1, false, EARLIER, null);

        List<Discrepancy> found = checks.check(facts(confirmed, issued(), emails(pending), funnel(1, 1, 0)));
        assertThat(found).extracting(Discrepancy::kind).containsExactly(Kind.EMAIL_NOT_FINAL);
        assertThat(found.get(0).detail()).startsWith("pending after 3 attempt(s)");

        assertThat(checks.check(facts(confirmed, issued(), emails(failed), funnel(1, 1, 0))))
                .isEmpty();
        assertThat(totals.emailsNotSent).isEqualTo(1);
    }

    @Test
    void twoIncentiveEmailsOfOneStepOrOneMessageIdTwiceAreADuplicate() {
        Message first = sent(0);
        Message again = new Message("incentive", 0, "sent", "<other>", 1, false, NOW, NOW);
        Message sameId = new Message("incentive", 1, "sent", first.messageId(), 1, false, NOW, NOW);

        assertThat(checks.check(facts(confirmed, issued(), emails(first, again), funnel(1, 1, 2))))
                .extracting(Discrepancy::kind)
                .containsExactly(Kind.EMAIL_DUPLICATED);
        assertThat(checks.check(facts(confirmed, issued(), emails(first, sameId), funnel(1, 1, 2))))
                .extracting(Discrepancy::kind)
                .containsExactly(Kind.EMAIL_DUPLICATED);
    }

    @Test
    void otherKindsOfEmailDoNotCountAsTheIncentiveEmail() {
        Message confirmation = new Message("confirmation", 0, "sent", "<c>", 1, false, EARLIER, EARLIER);

        assertThat(checks.check(facts(confirmed, issued(), emails(confirmation), funnel(1, 1, 0))))
                .extracting(Discrepancy::kind)
                .containsExactly(Kind.EMAIL_MISSING);
    }

    @Test
    void eventsWaitingForTheLeadsDataKeyAreReportedInsteadOfTheEmailTheyHoldUp() {
        EmailEntry waiting = new EmailEntry(
                leadId, false, List.of(), List.of(new KeyWait("dev.faro.lead.captured", EARLIER)), List.of());

        List<Discrepancy> found = checks.check(facts(confirmed, issued(), waiting, funnel(1, 1, 0)));

        assertThat(found).extracting(Discrepancy::kind).containsExactly(Kind.WAITING_FOR_DATA_KEY);
        assertThat(found.get(0).detail()).contains("dev.faro.lead.captured");
    }

    @Test
    void anEventStuckInLeadServicesOutboxIsTheOnlyThingReportedForItsLead() {
        LeadFacts facts = new LeadFacts(
                confirmed,
                List.of(new UnsentEvent(leadId.toString(), "dev.faro.lead.captured", EARLIER)),
                nothingIssued(),
                emails(),
                funnel(0, 0, 0));

        List<Discrepancy> found = checks.check(facts);

        assertThat(found).extracting(Discrepancy::kind).containsExactly(Kind.STUCK_IN_OUTBOX);
        assertThat(found.get(0).service()).isEqualTo("lead-service");
        assertThat(found.get(0).detail()).contains("dev.faro.lead.captured");
    }

    @Test
    void anEventRecordedWithinTheGracePeriodIsOnItsWayNotStuck() {
        IncentiveEntry justIssued = new IncentiveEntry(
                leadId,
                false,
                List.of(new Incentive(CAMPAIGN, "content", NOW)),
                List.of(),
                List.of(new EventWaiting("dev.faro.incentive.issued", NOW.minusSeconds(5))));

        assertThat(checks.check(facts(confirmed, justIssued, emails(), funnel(1, 1, 0))))
                .extracting(Discrepancy::kind)
                .containsExactly(Kind.EMAIL_MISSING);
    }

    @Test
    void anIncentiveStuckInIncentiveServicesOutboxExplainsItsMissingEmail() {
        IncentiveEntry stuck = new IncentiveEntry(
                leadId,
                false,
                List.of(new Incentive(CAMPAIGN, "content", EARLIER)),
                List.of(),
                List.of(new EventWaiting("dev.faro.incentive.issued", EARLIER)));

        List<Discrepancy> found = checks.check(facts(confirmed, stuck, emails(), funnel(1, 1, 0)));

        assertThat(found).extracting(Discrepancy::kind).containsExactly(Kind.STUCK_IN_OUTBOX);
        assertThat(found.get(0).service()).isEqualTo("incentive-service");
    }

    @Test
    void aFunnelThatCountedAStepTwiceOrNotAtAllIsMiscounted() {
        List<Discrepancy> found = checks.check(facts(confirmed, issued(), emails(sent(0)), funnel(1, 2, 0)));

        assertThat(found).extracting(Discrepancy::kind).containsExactly(Kind.FUNNEL_MISCOUNTED);
        assertThat(found.get(0).detail())
                .isEqualTo("incentives_issued counted 2, expected 1; emails_sent counted 0, expected 1");
    }

    private LeadFacts facts(AcknowledgedLead lead, IncentiveEntry incentives, EmailEntry emails, FunnelEntry funnel) {
        return new LeadFacts(lead, List.of(), incentives, emails, funnel);
    }

    private IncentiveEntry issued() {
        return new IncentiveEntry(
                leadId, false, List.of(new Incentive(CAMPAIGN, "percent-discount", EARLIER)), List.of(), List.of());
    }

    private IncentiveEntry nothingIssued() {
        return new IncentiveEntry(leadId, false, List.of(), List.of(), List.of());
    }

    private Message sent(int step) {
        return new Message(
                "incentive",
                step,
                "sent",
                "<incentive." + step + "." + leadId + "@faro.local>",
                1,
                false,
                EARLIER,
                EARLIER);
    }

    private EmailEntry emails(Message... messages) {
        return new EmailEntry(leadId, false, List.of(messages), List.of(), List.of());
    }

    private FunnelEntry funnel(long leads, long incentives, long emailsSent) {
        return new FunnelEntry(
                leadId, true, Map.of("leads", leads, "incentives_issued", incentives, "emails_sent", emailsSent));
    }
}
