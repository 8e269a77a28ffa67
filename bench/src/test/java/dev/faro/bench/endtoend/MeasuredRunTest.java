package dev.faro.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faro.bench.cpu.CpuUsage;
import dev.faro.bench.load.LoadResult;
import dev.faro.local.infra.InboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class MeasuredRunTest {

    private static final Instant T0 = Instant.parse("2026-11-26T16:00:00Z");

    private static LoadResult load(double rate, long scheduled, long sent, Map<Integer, Long> statuses) {
        return new LoadResult(
                rate,
                Duration.ofSeconds(4),
                scheduled,
                sent,
                new TreeMap<>(statuses),
                new TreeMap<>(),
                0,
                new Histogram(3));
    }

    private static InboxMessage message(String to, Instant receivedAt) {
        return new InboxMessage(
                "<m@faro>", List.of(to), "Faro <demo@faro.local>", "Tu código", "text", null, Map.of(), receivedAt);
    }

    /** {@code leads} leads sent 10 ms apart; the first {@code delivered} have their email {@code millis} later. */
    private static MeasuredRun.Outcome outcome(LoadResult load, int leads, int delivered, long millis) {
        Map<String, Instant> sentAt = new HashMap<>();
        List<InboxMessage> inbox = new ArrayList<>();
        for (int i = 0; i < leads; i++) {
            String address = "e2e-r-" + i + "@example.org";
            Instant sent = T0.plusMillis(10L * i);
            sentAt.put(address, sent);
            if (i < delivered) {
                inbox.add(message(address, sent.plusMillis(millis)));
            }
        }
        return new MeasuredRun.Outcome(load, sentAt, inbox, DeliveryLatencies.of(sentAt, inbox), null);
    }

    @Test
    void aRunsStepHasItsTargetItsAchievedRateAndItsLeadsLatencies() {
        MeasuredRun.Outcome outcome = outcome(load(25, 100, 100, Map.of(202, 100L)), 100, 100, 180);

        RateStep step = outcome.step();

        assertThat(step.targetRate()).isEqualTo(25);
        assertThat(step.achievedRate()).isCloseTo(25, within(0.01));
        assertThat(step.p50Millis()).isCloseTo(180, within(0.5));
        assertThat(step.p99Millis()).isCloseTo(180, within(0.5));
        assertThat(step.errors()).isZero();
        assertThat(step.meetsGoal()).isTrue();
    }

    @Test
    void missingEmailsAndLeadsNotSentAreTheStepsErrors() {
        // 300 scheduled, 297 sent and accepted; 2 of those emails never came
        MeasuredRun.Outcome outcome = outcome(load(75, 300, 297, Map.of(202, 297L)), 297, 295, 120);

        assertThat(outcome.errors()).isEqualTo(5);
        assertThat(outcome.step().errors()).isEqualTo(5);
        assertThat(outcome.step().meetsGoal()).isFalse();
    }

    @Test
    void theCpuTableDividesTheWindowsCpuByTheDeliveredLeads() {
        MeasuredRun.Outcome outcome = outcome(load(100, 400, 400, Map.of(202, 400L)), 400, 400, 900);
        Map<String, Double> millis = new LinkedHashMap<>();
        millis.put("lead-service", 800.0);
        millis.put("email-service", 1200.0);
        CpuUsage usage = new CpuUsage(5, millis, Map.of(), Map.of(), 4_000, 10_000, 2);

        String table = MeasuredRun.cpuTable(outcome.load(), outcome.deliveries(), usage);

        assertThat(table.lines().findFirst()).hasValueSatisfying(header -> assertThat(header)
                .startsWith("100 leads/s: 400 captures accepted, 400 emails accepted; window from just before"));
        assertThat(table).contains("400 × delivered lead");
        assertThat(table).containsPattern("email-service +1200 +3\\.000");
        // 2 cores × 1000 ÷ 5 ms per lead
        assertThat(table).contains("ceiling at this CPU per delivered lead: 400/s");
    }
}
