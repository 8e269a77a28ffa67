package dev.faro.systemtest.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.infra.InboxMessage;
import dev.faro.local.launcher.FaroService;
import dev.faro.local.launcher.FaroStack;
import dev.faro.local.launcher.ReconcileCommand;
import dev.faro.local.launcher.StackConfig;
import dev.faro.local.launcher.StackFaults;
import dev.faro.systemtest.StackLogsOnFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults injected into the whole stack, as {@code ./faro up} runs it, under a steady load of leads. After each the
 * reconciliation must come out clean (no acknowledged lead lost, no incentive or email twice, the funnel equal to
 * the ledgers), and the SMTP server's own record must agree: exactly one incentive email per lead answered 202,
 * counted by Message-ID. The faults run one after the other on one stack; {@link FaultSettings} sets how hard.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final String CAMPAIGN = "demo";
    private static final FaultSettings SETTINGS = FaultSettings.fromSystemProperties();
    /** However short the outage, the stack gets this long to catch up before the bound is called broken. */
    private static final Duration LEAST_DRAIN_ALLOWANCE = Duration.ofSeconds(60);

    @TempDir
    static Path state;

    @RegisterExtension
    static final StackLogsOnFailure STACK_LOGS = new StackLogsOnFailure(() -> state);

    private static FaroStack faro;
    private static StackFaults faults;

    @BeforeAll
    static void startFaro() {
        // One client sends every lead here; a landing page's visitors come from many addresses.
        faro = FaroStack.start(
                StackConfig.withFreePorts(state), System.out, Map.of("FARO_RATE_LIMIT_ENABLED", "false"));
        faults = faro.faults();
        FaultFigures.header(SETTINGS);
    }

    @AfterAll
    static void stopFaro() {
        if (faro != null) {
            faro.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void theKafkaBrokerKilledUnderLoadLosesNoLeadAndRepeatsNothing() throws Exception {
        Instant from = Instant.now();
        LeadLoad load = LeadLoad.start(leadService(), CAMPAIGN, "kafka", SETTINGS.leadsPerSecond());
        hold(SETTINGS.steady());
        faults.killKafka();
        hold(SETTINGS.kafkaOutage());
        faults.startKafka();
        Instant back = Instant.now();
        hold(SETTINGS.steady());
        load.close();

        assertThat(load.refused())
                .as("answers other than 202 while Kafka was away")
                .isEmpty();
        assertThat(load.failures()).as("requests without an answer").isEmpty();
        double drained = reconcileClean(from, back, SETTINGS.kafkaOutage());
        long emails = everyAcceptedLeadHasExactlyOneIncentiveEmail(load);
        FaultFigures.row(
                "Kafka broker SIGKILL, " + SETTINGS.kafkaOutage().toSeconds() + " s", load, emails, drained, "");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void eachConsumerKilledMidWorkLosesNothingAndRepeatsNothing() throws Exception {
        Instant from = Instant.now();
        LeadLoad load = LeadLoad.start(leadService(), CAMPAIGN, "crash", SETTINGS.leadsPerSecond());
        hold(SETTINGS.steady());
        Instant crashesBegan = Instant.now();
        for (int round = 0; round < SETTINGS.crashesPerConsumer(); round++) {
            for (FaroService consumer : List.of(FaroService.INCENTIVE, FaroService.EMAIL, FaroService.ANALYTICS)) {
                faults.crashAndRestart(consumer);
            }
        }
        Instant back = Instant.now();
        hold(SETTINGS.steady());
        load.close();

        assertThat(load.refused())
                .as("answers other than 202 while consumers crashed")
                .isEmpty();
        assertThat(load.failures()).as("requests without an answer").isEmpty();
        Duration crashing = Duration.between(crashesBegan, back);
        double drained = reconcileClean(from, back, crashing);
        long emails = everyAcceptedLeadHasExactlyOneIncentiveEmail(load);
        FaultFigures.row(
                "incentive, email and analytics SIGKILL and restarted, x" + SETTINGS.crashesPerConsumer(),
                load,
                emails,
                drained,
                "crashes and restarts took " + crashing.toSeconds() + " s");
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void postgresRestartedUnderLoadIsAnswered503WithRetryAfterAndLosesNoAcknowledgedLead() throws Exception {
        Instant from = Instant.now();
        LeadLoad load = LeadLoad.start(leadService(), CAMPAIGN, "postgres", SETTINGS.leadsPerSecond());
        hold(SETTINGS.steady());
        faults.stopPostgres();
        hold(SETTINGS.postgresOutage());
        faults.startPostgres();
        Instant back = Instant.now();
        hold(SETTINGS.steady());
        load.close();

        assertThat(load.failures()).as("requests without an answer").isEmpty();
        assertThat(load.refused()).as("answers during the outage").allSatisfy(refusal -> {
            assertThat(refusal.status()).as("status of %s", refusal).isEqualTo(503);
            assertThat(refusal.retryAfter()).as("Retry-After of %s", refusal).isNotBlank();
            assertThat(refusal.body()).contains("\"status\":503");
            assertThat(refusal.millis()).as("time to answer %s", refusal).isLessThan(10_000);
        });
        double drained = reconcileClean(from, back, SETTINGS.postgresOutage());
        long emails = everyAcceptedLeadHasExactlyOneIncentiveEmail(load);
        long slowest = load.refused().stream()
                .mapToLong(LeadLoad.Refusal::millis)
                .max()
                .orElse(0);
        FaultFigures.row(
                "PostgreSQL stopped " + SETTINGS.postgresOutage().toSeconds() + " s and restarted",
                load,
                emails,
                drained,
                load.refused().size() + " answered 503 + Retry-After, slowest in " + slowest + " ms");
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void smtpDownForAWhileDeliversEverythingAfterOnceEach() throws Exception {
        Instant from = Instant.now();
        LeadLoad load = LeadLoad.start(leadService(), CAMPAIGN, "smtp", SETTINGS.leadsPerSecond());
        hold(SETTINGS.steady());
        faults.stopSmtp();
        hold(SETTINGS.smtpOutage());
        faults.startSmtp();
        Instant back = Instant.now();
        hold(SETTINGS.steady());
        load.close();

        assertThat(load.refused())
                .as("answers other than 202 while SMTP was away")
                .isEmpty();
        assertThat(load.failures()).as("requests without an answer").isEmpty();
        // An email's first retry comes 30 s after its failure (email-service's initial backoff).
        double drained = reconcileClean(from, back, SETTINGS.smtpOutage().plusSeconds(30));
        long emails = everyAcceptedLeadHasExactlyOneIncentiveEmail(load);
        FaultFigures.row("SMTP server down " + SETTINGS.smtpOutage().toSeconds() + " s", load, emails, drained, "");
    }

    /**
     * Runs the reconciliation until it is clean; requires that within twice the outage (or the least allowance)
     * after the fault ended, and returns how long after the fault it took, in seconds.
     */
    private static double reconcileClean(Instant from, Instant back, Duration outage) {
        Duration allowed = outage.multipliedBy(2);
        if (allowed.compareTo(LEAST_DRAIN_ALLOWANCE) < 0) {
            allowed = LEAST_DRAIN_ALLOWANCE;
        }
        Duration patience = allowed.minus(Duration.between(back, Instant.now()));
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = new ReconcileCommand(
                        faro.serviceUrl(FaroService.LEAD),
                        faro.adminToken(),
                        new PrintStream(output, true, StandardCharsets.UTF_8))
                .run(new ReconcileCommand.Options(
                        from,
                        Instant.now().plusSeconds(60),
                        Duration.ZERO,
                        patience.isNegative() ? Duration.ZERO : patience));
        double drained = Duration.between(back, Instant.now()).toMillis() / 1000.0;
        assertThat(exitCode)
                .as("reconciliation %.1f s after the fault ended; printed:%n%s", drained, output)
                .isZero();
        return drained;
    }

    /** The independent oracle: the SMTP server's messages, by Message-ID, against the leads answered 202. */
    private static long everyAcceptedLeadHasExactlyOneIncentiveEmail(LeadLoad load) {
        Map<String, Long> byMessageId = faro.inbox().messages().stream()
                .map(InboxMessage::messageId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(byMessageId)
                .as("Message-IDs received more than once")
                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
        for (UUID lead : load.accepted().keySet()) {
            assertThat(byMessageId)
                    .as("the incentive email of lead %s", lead)
                    .containsKey("<incentive.0." + lead + "@faro.local>");
        }
        return load.accepted().size();
    }

    private static java.net.URI leadService() {
        return faro.serviceUrl(FaroService.LEAD);
    }

    /** Keeps the stack in its present state (steady, or the fault in place) for as long as the setting says. */
    private static void hold(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }
}
