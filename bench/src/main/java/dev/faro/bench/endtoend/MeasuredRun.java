package dev.faro.bench.endtoend;

import dev.faro.bench.cpu.CpuFigures;
import dev.faro.bench.cpu.CpuSampler;
import dev.faro.bench.cpu.CpuSnapshot;
import dev.faro.bench.cpu.CpuUsage;
import dev.faro.bench.load.LoadResult;
import dev.faro.bench.load.OpenModelLoad;
import dev.faro.bench.load.RateLimitCheck;
import dev.faro.local.infra.InboxMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One measured run at a fixed rate: leads with new addresses at that rate, then the inbox read until every lead's
 * email was accepted or the delivery grace ran out. When the stack's processes can be read, their CPU (and the bench
 * JVM's) is sampled just before the first lead and again after that last read, so the window holds all the work the
 * leads caused up to their emails, and the wait for them. The pipeline should be quiet before it starts.
 */
final class MeasuredRun {

    static final String CPU_FILE = "cpu.txt";

    /**
     * @param sentAt when each measured lead's capture was sent, by address
     * @param messages the messages the inbox received during the run and the wait after it
     * @param cpu every measured process's CPU over the window, or null when it could not be read
     */
    record Outcome(
            LoadResult load,
            Map<String, Instant> sentAt,
            List<InboxMessage> messages,
            DeliveryLatencies deliveries,
            CpuUsage cpu) {

        long errors() {
            return EndToEndFigures.errors(load, deliveries.missing());
        }

        RateStep step() {
            return new RateStep(
                    load.targetRate(),
                    load.achievedRate(),
                    deliveries.percentileMillis(50),
                    deliveries.percentileMillis(99),
                    errors());
        }
    }

    private final OpenModelLoad generator;
    private final LeadCaptures captures;
    private final InboxReader inbox;
    private final CpuSampler cpu;
    private final Duration deliveryGrace;

    /** {@code cpu} null: no CPU figures. */
    MeasuredRun(
            OpenModelLoad generator, LeadCaptures captures, InboxReader inbox, CpuSampler cpu, Duration deliveryGrace) {
        this.generator = generator;
        this.captures = captures;
        this.inbox = inbox;
        this.cpu = cpu;
        this.deliveryGrace = deliveryGrace;
    }

    /**
     * Runs it and writes its raw output to {@code raw} ({@code load.txt}, {@code post-leads.hgrm},
     * {@code deliveries.txt}, {@code deliveries.hgrm}, and {@value #CPU_FILE} when the CPU was read).
     */
    Outcome measure(double rate, Duration duration, LeadAddresses addresses, Path raw)
            throws IOException, InterruptedException {
        Files.createDirectories(raw);
        // Outside the CPU window: the first read returns the whole inbox, which is large after earlier benchmarks.
        inbox.skipWhatIsThere();
        Map<String, Instant> sentAt = captures.measure(addresses);
        CpuSnapshot cpuBefore = sampleCpu();
        LoadResult load = generator.run(rate, duration);
        Files.writeString(raw.resolve("load.txt"), load.summary() + "\n");
        load.writePercentiles(raw.resolve("post-leads.hgrm"));
        RateLimitCheck.requireNoThrottling(load);

        List<InboxMessage> messages =
                inbox.awaitUntil(InboxReader.allDelivered(sentAt), Instant.now().plus(deliveryGrace));
        CpuSnapshot cpuAfter = cpuBefore == null ? null : sampleCpu();
        CpuUsage usage = cpuAfter == null ? null : CpuUsage.between(cpuBefore, cpuAfter);
        DeliveryLatencies deliveries = DeliveryLatencies.of(sentAt, messages);
        writeDeliveries(raw, deliveries);
        if (usage != null) {
            Files.writeString(raw.resolve(CPU_FILE), cpuTable(load, deliveries, usage));
        }
        return new Outcome(load, sentAt, messages, deliveries, usage);
    }

    /** A snapshot, or null (and no CPU figures for this run) when a process has gone or /proc cannot be read. */
    private CpuSnapshot sampleCpu() {
        if (cpu == null) {
            return null;
        }
        try {
            return cpu.sample();
        } catch (IOException | RuntimeException e) {
            System.err.println("  no CPU figures for this run: " + e.getMessage());
            return null;
        }
    }

    static String cpuTable(LoadResult load, DeliveryLatencies deliveries, CpuUsage usage) {
        return String.format(
                        Locale.ROOT,
                        "%.0f leads/s: %d captures accepted, %d emails accepted; window from just before the first"
                                + " lead to the inbox read that found the last email (or the end of the grace)%n",
                        load.targetRate(),
                        load.successful(),
                        deliveries.delivered())
                + CpuFigures.table(usage, deliveries.delivered(), "delivered lead");
    }

    private static void writeDeliveries(Path raw, DeliveryLatencies deliveries) throws IOException {
        String summary = String.format(
                Locale.ROOT,
                "leads sent %d, emails accepted %d, missing %d; send to SMTP accepted ms: p50 %.1f p90 %.1f p99 %.1f"
                        + " max %.1f%n",
                deliveries.expected(),
                deliveries.delivered(),
                deliveries.missing(),
                deliveries.percentileMillis(50),
                deliveries.percentileMillis(90),
                deliveries.percentileMillis(99),
                deliveries.maxMillis());
        Files.writeString(raw.resolve("deliveries.txt"), summary);
        try (PrintStream out =
                new PrintStream(Files.newOutputStream(raw.resolve("deliveries.hgrm")), false, StandardCharsets.UTF_8)) {
            deliveries.histogram().outputPercentileDistribution(out, 5, 1000.0);
        }
    }
}
