package dev.faro.analytics.rebuild;

import dev.faro.support.kafka.KafkaConnection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Recomputes every aggregate from the beginning of the event log while the live consumers go on, then swaps the
 * result in: fresh tables are filled from a time-ordered read of the four topics (leads first on ties), the
 * read catches up with what arrived meanwhile, and then, holding the live consumers back for a moment, it
 * counts the last events and replaces the live tables in one transaction. Readers see the old figures until
 * that commits and the rebuilt ones after; no event is counted twice or lost on either side of the swap.
 */
@ApplicationScoped
public class AnalyticsRebuild {

    private static final Logger LOG = Logger.getLogger(AnalyticsRebuild.class);

    /**
     * The live consumers' channels, whose topics the rebuild reads. The order also breaks ties of equal
     * timestamps: a lead's capture before what follows from it.
     */
    static final List<String> CHANNELS = List.of("leads", "visits", "incentives", "emails");

    /** Catch-up rounds before swapping anyway: a log growing faster than the rebuild reads must not stall it. */
    private static final int MAX_CATCH_UP_ROUNDS = 5;

    private final RebuildRuns runs;
    private final AggregateTables tables;
    private final RebuildBatches batches;
    private final RebuildLock lock;
    private final RebuildConfig config;
    private final KafkaConnection kafka;
    private final ExecutorService worker = singleThread("analytics-rebuild");
    private final ExecutorService reader = singleThread("analytics-rebuild-reader");
    private volatile boolean stopping;

    public AnalyticsRebuild(
            RebuildRuns runs,
            AggregateTables tables,
            RebuildBatches batches,
            RebuildLock lock,
            RebuildConfig config,
            KafkaConnection kafka) {
        this.runs = runs;
        this.tables = tables;
        this.batches = batches;
        this.lock = lock;
        this.config = config;
        this.kafka = kafka;
    }

    /** Starts a rebuild in the background; empty when one is already under way (in this replica or another). */
    public Optional<RebuildStatus> start() {
        Optional<UUID> id = runs.begin();
        id.ifPresent(run -> worker.execute(() -> run(run)));
        return id.flatMap(runs::find);
    }

    private void run(UUID id) {
        try (TimeOrderedLog log = new TimeOrderedLog(consumer(), topics(), config.stallTimeout())) {
            tables.prepare();
            Progress progress = new Progress(id, log.extendToEnd());
            LOG.infof("Rebuilding analytics from %d events", progress.total);
            readAll(log, progress);
            for (int round = 0; round < MAX_CATCH_UP_ROUNDS; round++) {
                if (log.behindEnd() <= config.swapWhenBehindAtMost()) {
                    break;
                }
                progress.total += log.extendToEnd();
                readAll(log, progress);
            }
            runs.progress(id, RebuildStatus.SWAPPING, progress.read, progress.total);
            QuarkusTransaction.requiringNew().timeout(300).run(() -> {
                lock.holdBackConsumers();
                progress.total += log.extendToEnd();
                for (var batch = log.next(config.batchSize()); !batch.isEmpty(); batch = log.next(config.batchSize())) {
                    batches.countInCurrentTransaction(batch);
                    progress.read += batch.size();
                }
                tables.swapIn();
                runs.done(id, progress.read, progress.total);
            });
            LOG.infof("Analytics rebuilt from %d events and swapped in", progress.read);
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "The analytics rebuild %s failed", id);
            try {
                runs.failed(id, stopping ? "the service stopped during the rebuild" : describe(failure));
                tables.discard();
            } catch (RuntimeException cleanup) {
                // The next rebuild drops what is left, and the heartbeat check marks this one abandoned.
                LOG.warnf("Could not record the failed rebuild %s: %s", id, cleanup.getMessage());
            }
        }
    }

    /**
     * Counts the log up to its limits. The next batch is read and decoded on another thread while this one is
     * written: the database works in its own process, so the two overlap instead of taking turns. The log is used
     * by one thread at a time all the same, each read handed over by the future that carries it.
     */
    private void readAll(TimeOrderedLog log, Progress progress) {
        CompletableFuture<DecodedBatch> next = readAhead(log);
        try {
            for (DecodedBatch batch = next.join(); !batch.isEmpty(); batch = next.join()) {
                if (stopping) {
                    throw new IllegalStateException("stopping");
                }
                next = readAhead(log);
                batches.count(batch);
                progress.read += batch.records();
                runs.progress(progress.id, RebuildStatus.READING, progress.read, progress.total);
            }
        } finally {
            // The log is closed or read again on this thread next: the read under way must be over first.
            next.handle((batch, failure) -> batch).join();
        }
    }

    private CompletableFuture<DecodedBatch> readAhead(TimeOrderedLog log) {
        return CompletableFuture.supplyAsync(() -> batches.decode(log.next(config.batchSize())), reader);
    }

    private static List<String> topics() {
        var channels = ConfigProvider.getConfig();
        return CHANNELS.stream()
                .map(channel -> channels.getValue("mp.messaging.incoming." + channel + ".topic", String.class))
                .toList();
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> settings = kafka.settings();
        settings.putAll(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG,
                "analytics-rebuild",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                1000));
        return new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
    }

    private static String describe(RuntimeException failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.shutdownNow();
        reader.shutdownNow();
    }

    /** Counts of one run, kept by its worker thread. */
    private static final class Progress {
        private final UUID id;
        private long read;
        private long total;

        Progress(UUID id, long total) {
            this.id = id;
            this.total = total;
        }
    }
}
