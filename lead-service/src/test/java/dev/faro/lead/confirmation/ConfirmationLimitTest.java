package dev.faro.lead.confirmation;

import static dev.faro.lead.confirmation.DoubleOptInLeads.awaitEvents;
import static dev.faro.lead.confirmation.DoubleOptInLeads.campaign;
import static dev.faro.lead.confirmation.DoubleOptInLeads.events;
import static dev.faro.lead.confirmation.DoubleOptInLeads.requested;
import static dev.faro.lead.confirmation.DoubleOptInLeads.submit;
import static dev.faro.lead.confirmation.DoubleOptInLeads.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.contract.EventType;
import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
class ConfirmationLimitTest {

    @Inject
    ConfirmationRows rows;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafkaBootstrap;

    @Test
    void resubmittingAPendingAddressSendsAnotherConfirmationWithTheNextAttempt() {
        String email = uniqueEmail();
        String campaign = campaign("es");

        String first = submit(email, campaign);
        String second = submit(email.toUpperCase(), campaign);

        assertThat(second).isEqualTo(first);
        assertThat(awaitEvents(kafka(), first, EventType.CONFIRMATION_REQUESTED, 2).stream()
                        .map(e -> requested(e).attempt()))
                .containsExactly(1, 2);
    }

    @Test
    void anAddressGetsAtMostThreeConfirmationEmailsADayAcrossCampaignsAndTheFourthSubmissionIsStillAccepted() {
        String email = uniqueEmail();
        String black = campaign("es");
        String summer = campaign("en");
        double cappedBefore = capped();

        String blackLead = submit(email, black);
        submit(email, black);
        String summerLead = submit(email, summer);
        String fourth = submit(email, summer);

        assertThat(fourth).isEqualTo(summerLead);
        List<String> leads = List.of(blackLead, summerLead);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.unsentOutboxEvents(leads) == 0);
        List<ConfirmationRequested> blackRequests = requests(blackLead);
        List<ConfirmationRequested> summerRequests = requests(summerLead);
        assertThat(blackRequests).extracting(ConfirmationRequested::attempt).containsExactly(1, 2);
        assertThat(summerRequests).extracting(ConfirmationRequested::attempt).containsExactly(1);
        assertThat(capped()).isEqualTo(cappedBefore + 1);
    }

    @Test
    void theLimitIsARollingDaySoAnAddressIsSentAgainOnceItsOldRequestsAreOlderThan24Hours() {
        String email = uniqueEmail();
        String campaign = campaign("es");
        String lead = submit(email, campaign);
        submit(email, campaign);
        String other = submit(email, campaign("es"));
        rows.age(lead, Duration.ofHours(25));

        submit(email, campaign);

        List<String> leads = List.of(lead, other);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.unsentOutboxEvents(leads) == 0);
        assertThat(requests(lead)).extracting(ConfirmationRequested::attempt).containsExactly(1, 2, 3);
    }

    @Test
    void concurrentSubmissionsOfOneAddressNeverExceedTheLimit() throws Exception {
        String email = uniqueEmail();
        List<String> campaigns = List.of(campaign("es"), campaign("es"), campaign("en"), campaign("en"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> leads = new TreeSet<>();
        try {
            List<Callable<String>> submissions = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String campaign = campaigns.get(i % campaigns.size());
                submissions.add(() -> submit(email, campaign));
            }
            for (Future<String> lead : pool.invokeAll(submissions)) {
                leads.add(lead.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(leads).hasSize(4);
        assertThat(rows.outboxEvents(leads, EventType.CONFIRMATION_REQUESTED.cloudEventType()))
                .isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> rows.unsentOutboxEvents(leads) == 0);
        assertThat(leads.stream().mapToInt(lead -> requests(lead).size()).sum()).isEqualTo(3);
    }

    private List<ConfirmationRequested> requests(String leadId) {
        return events(kafka(), leadId, EventType.CONFIRMATION_REQUESTED).stream()
                .map(DoubleOptInLeads::requested)
                .toList();
    }

    private double capped() {
        var counter = meters.find(ConfirmationRequests.METRIC)
                .tag("outcome", "address-limit")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private TestKafka kafka() {
        return new TestKafka(kafkaBootstrap);
    }
}
