package dev.faro.systemtest.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.contract.Topics;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.launcher.FaroService;
import dev.faro.local.launcher.FaroStack;
import dev.faro.local.launcher.ReconcileCommand;
import dev.faro.local.launcher.StackConfig;
import dev.faro.local.launcher.StackFaults;
import dev.faro.local.testing.PrometheusText;
import dev.faro.local.testing.TestKafka;
import dev.faro.systemtest.StackLogsOnFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL_ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern UNSUBSCRIBE_TOKEN = Pattern.compile("/api/unsubscribe/([A-Za-z0-9._~-]+)");
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9._~-]{16,}");
    private static final FaultSettings SETTINGS = FaultSettings.fromSystemProperties();
    /** However short the outage, the stack gets this long to catch up before the bound is called broken. */
    private static final Duration LEAST_DRAIN_ALLOWANCE = Duration.ofSeconds(60);

    @TempDir
    static Path state;

    @RegisterExtension
    static final StackLogsOnFailure STACK_LOGS = new StackLogsOnFailure(() -> state);

    private static FaroStack faro;
    private static StackFaults faults;
    /** Every address the loads submitted, for the check that no log holds one. */
    private static final Set<String> SUBMITTED = ConcurrentHashMap.newKeySet();

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

    /**
     * The crash of the test before rarely finds email-service in the middle of an SMTP conversation: sends take
     * milliseconds. Here the SMTP server hangs first, so every sender thread is waiting on a claimed message when the
     * SIGKILL comes; the next instance takes those claims back within seconds, not after their five-minute lease.
     */
    @Test
    @org.junit.jupiter.api.Order(3)
    void emailServiceKilledWhileItsSendsHangHasItsClaimedMessagesSentByTheNextInstanceOnceEach() throws Exception {
        Instant from = Instant.now();
        LeadLoad load = LeadLoad.start(leadService(), CAMPAIGN, "hang", SETTINGS.leadsPerSecond());
        hold(SETTINGS.steady());
        faults.hangSmtp();
        // Long enough for the leads arriving meanwhile to leave each sender thread stuck on a claim.
        hold(SETTINGS.steady());
        long attempting = await("email-service's senders waiting on the hung SMTP server")
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(FaultToleranceIT::emailsBeingAttempted, count -> count > 0);
        faults.crashAndRestart(FaroService.EMAIL, faults::startSmtp);
        Instant back = Instant.now();
        hold(SETTINGS.steady());
        load.close();

        assertThat(load.refused()).as("answers other than 202").isEmpty();
        assertThat(load.failures()).as("requests without an answer").isEmpty();
        double drained = reconcileClean(from, back, Duration.ZERO);
        long emails = everyAcceptedLeadHasExactlyOneIncentiveEmail(load);
        double reclaimed = emailMetric("faro_email_claims_reclaimed_total");
        assertThat(reclaimed)
                .as("claims the new instance took back from the killed one")
                .isPositive();
        FaultFigures.row(
                "email-service SIGKILL while its SMTP sends hang",
                load,
                emails,
                drained,
                attempting + " being attempted at the kill, " + (long) reclaimed + " taken back");
    }

    @Test
    @org.junit.jupiter.api.Order(4)
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
    @org.junit.jupiter.api.Order(5)
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

    @Test
    @org.junit.jupiter.api.Order(6)
    void aPoisonRecordOnEveryPartitionOfEveryInputTopicIsDeadLetteredWhileEveryLeadStillGoesThrough() throws Exception {
        Instant from = Instant.now();
        LeadLoad load = LeadLoad.start(leadService(), CAMPAIGN, "poison", SETTINGS.leadsPerSecond());
        hold(SETTINGS.steady());
        Map<String, List<FaroService>> consumers = Map.of(
                Topics.LEADS.name(), List.of(FaroService.INCENTIVE, FaroService.EMAIL, FaroService.ANALYTICS),
                Topics.LEAD_KEYS.name(), List.of(FaroService.EMAIL),
                Topics.INCENTIVES.name(), List.of(FaroService.EMAIL, FaroService.ANALYTICS),
                Topics.EMAILS.name(), List.of(FaroService.ANALYTICS),
                Topics.VISITS.name(), List.of(FaroService.ANALYTICS),
                Topics.CAMPAIGNS.name(), List.of(FaroService.INCENTIVE, FaroService.EMAIL, FaroService.ANALYTICS),
                Topics.DIGESTS.name(), List.of(FaroService.EMAIL));
        Set<String> expected = new TreeSet<>();
        Map<FaroService, Long> expectedPerService = new EnumMap<>(FaroService.class);
        TestKafka kafka = new TestKafka(faro.kafkaBootstrap());
        for (Map.Entry<String, List<FaroService>> topic : consumers.entrySet()) {
            int partitions = Topics.byName(topic.getKey()).partitions();
            for (int partition = 0; partition < partitions; partition++) {
                // Every partition gets one, ahead of the leads the load goes on sending to it.
                kafka.send(new ProducerRecord<>(
                        topic.getKey(), partition, UUID.randomUUID().toString(), "{\"poison\": "));
                for (FaroService consumer : topic.getValue()) {
                    expected.add(consumer.directory() + " " + topic.getKey() + "/" + partition);
                    expectedPerService.merge(consumer, 1L, Long::sum);
                }
            }
        }
        hold(SETTINGS.steady());
        Instant back = Instant.now();
        hold(SETTINGS.steady());
        load.close();

        assertThat(load.refused()).as("answers other than 202").isEmpty();
        JsonNode report = await("the reconciliation lists every dead letter and nothing else")
                .atMost(LEAST_DRAIN_ALLOWANCE)
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () -> reconciliation(from),
                        found -> found.path("totals").path("deadLettered").asLong() == expected.size()
                                && found.path("discrepancyCount").asLong() == expected.size());
        double drained = Duration.between(back, Instant.now()).toMillis() / 1000.0;
        assertThat(report.path("complete").asBoolean()).isTrue();
        Set<String> listed = new TreeSet<>();
        for (JsonNode discrepancy : report.path("discrepancies")) {
            assertThat(discrepancy.path("kind").asText()).as("%s", discrepancy).isEqualTo("dead-lettered");
            assertThat(discrepancy.path("detail").asText())
                    .as("%s", discrepancy)
                    .endsWith(": UNPARSEABLE");
            String origin = discrepancy.path("detail").asText().replaceFirst("^from (\\S+)@.*$", "$1");
            listed.add(discrepancy.path("service").asText() + " " + origin);
        }
        assertThat(listed).as("consumer and partition of each dead letter").isEqualTo(expected);
        long emails = everyAcceptedLeadHasExactlyOneIncentiveEmail(load);
        for (Map.Entry<FaroService, Long> service : expectedPerService.entrySet()) {
            JsonNode health = health(service.getKey(), "/q/health");
            JsonNode check = StreamSupport.stream(health.path("checks").spliterator(), false)
                    .filter(c -> c.path("name").asText().equals("dead-letters"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no dead-letters check in " + health));
            assertThat(check.path("status").asText())
                    .as("%s: %s", service.getKey(), check)
                    .isEqualTo("DOWN");
            assertThat(check.at("/data/deadLettered").asLong())
                    .as("%s", service.getKey())
                    .isEqualTo(service.getValue());
            assertThat(check.at("/data/lastReason").asText()).isEqualTo("UNPARSEABLE");
            assertThat(health(service.getKey(), "/q/health/ready")
                            .path("status")
                            .asText())
                    .as("%s stays ready", service.getKey())
                    .isEqualTo("UP");
        }
        FaultFigures.row(
                "a poison record on each partition of each input topic",
                load,
                emails,
                drained,
                expected.size() + " dead letters, each listed with its consumer and partition");
    }

    private static JsonNode reconciliation(Instant from) throws Exception {
        String query = "?from=" + from + "&to=" + Instant.now().plusSeconds(60) + "&grace=PT0S";
        return asAdmin(FaroService.LEAD, "/api/admin/reconciliation" + query);
    }

    /** How many of the campaign's emails a sender has claimed and is attempting right now. */
    private static long emailsBeingAttempted() throws Exception {
        return asAdmin(FaroService.EMAIL, "/api/admin/campaigns/" + CAMPAIGN + "/emails")
                .at("/totals/attempting")
                .asLong();
    }

    /** The document an admin endpoint answers with, required to be a 200. */
    private static JsonNode asAdmin(FaroService service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(faro.serviceUrl(service).resolve(path))
                        .header("Authorization", "Bearer " + faro.adminToken())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The value of one of email-service's counters, from its Prometheus metrics. */
    private static double emailMetric(String name) throws Exception {
        String metrics = HTTP.send(
                        HttpRequest.newBuilder(
                                        faro.serviceUrl(FaroService.EMAIL).resolve("/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return PrometheusText.value(metrics, name).orElse(0);
    }

    /** A health endpoint's document, whatever its status code (503 when DOWN). */
    private static JsonNode health(FaroService service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(faro.serviceUrl(service).resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
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

    @Test
    @org.junit.jupiter.api.Order(7)
    void noLogOfTheStackHoldsAnAddressAnUnsubscribeTokenOrASecret() throws Exception {
        assertThat(SUBMITTED).as("addresses the fault tests submitted").isNotEmpty();
        Set<String> tokens = new HashSet<>();
        for (InboxMessage message : faro.inbox().messages()) {
            String unsubscribe = message.header("List-Unsubscribe");
            if (unsubscribe != null) {
                Matcher token = UNSUBSCRIBE_TOKEN.matcher(unsubscribe);
                while (token.find()) {
                    tokens.add(token.group(1));
                }
            }
        }
        assertThat(tokens).as("unsubscribe tokens mailed").isNotEmpty();
        Properties secrets = new Properties();
        try (var in = Files.newInputStream(state.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        List<String> secretValues = new ArrayList<>(
                secrets.stringPropertyNames().stream().map(secrets::getProperty).toList());
        secretValues.add(faro.adminToken());

        List<Path> logs;
        try (var files = Files.list(state.resolve("logs"))) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logs).as("logs of the stack").hasSizeGreaterThanOrEqualTo(6);
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            Set<String> addresses = new HashSet<>();
            Matcher address = EMAIL_ADDRESS.matcher(text);
            while (address.find()) {
                addresses.add(address.group().toLowerCase(Locale.ROOT));
            }
            assertThat(addresses).as("addresses in %s", log.getFileName()).doesNotContainAnyElementsOf(SUBMITTED);
            Set<String> words = new HashSet<>();
            Matcher word = TOKEN_LIKE.matcher(text);
            while (word.find()) {
                words.add(word.group());
            }
            assertThat(words).as("unsubscribe tokens in %s", log.getFileName()).doesNotContainAnyElementsOf(tokens);
            for (String secret : secretValues) {
                assertThat(text)
                        .as("a secret or the admin token in %s", log.getFileName())
                        .doesNotContain(secret);
            }
        }
    }

    /** The independent oracle: the SMTP server's messages, by Message-ID, against the leads answered 202. */
    private static long everyAcceptedLeadHasExactlyOneIncentiveEmail(LeadLoad load) {
        SUBMITTED.addAll(load.submitted());
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
