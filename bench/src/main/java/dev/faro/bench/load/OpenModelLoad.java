package dev.faro.bench.load;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Open-model HTTP load: requests are due at a constant rate whatever the server does, over a fixed number of
 * connections. Each worker thread owns one {@link Http11Connection} (the same one on every run),
 * takes the next due request from the shared {@link ArrivalSchedule}, waits for its time if early, sends it and
 * records the latency from the intended time. When every connection is busy, due requests queue and that wait
 * counts in their latency (no coordinated omission). No request due after the run's end is sent; those in flight
 * then get a bounded time.
 *
 * <pre>{@code
 * OpenModelLoad load = new OpenModelLoad(64, RequestFactory.postJson(uri, headers, timeout, seq -> body(seq)));
 * LoadResult result = load.run(500, Duration.ofSeconds(10));
 * result.writePercentiles(raw.resolve("leads-500.hgrm"));
 * }</pre>
 */
public final class OpenModelLoad {

    private static final long HIGHEST_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final Duration DEFAULT_DRAIN = Duration.ofSeconds(10);

    private final int connections;
    private final RequestFactory requests;
    private final Duration drainTimeout;
    // One connection per worker, kept across runs: a search's steps reuse warm connections.
    private final List<Http11Connection> workerConnections = new ArrayList<>();

    public OpenModelLoad(int connections, RequestFactory requests) {
        this(connections, requests, DEFAULT_DRAIN);
    }

    /**
     * @param drainTimeout how long after the end of the schedule to wait for requests still in flight; give the
     *     requests a timeout no longer than that, or they may be left unfinished
     */
    public OpenModelLoad(int connections, RequestFactory requests, Duration drainTimeout) {
        if (connections < 1) {
            throw new IllegalArgumentException("at least one connection is needed: " + connections);
        }
        this.connections = connections;
        this.requests = requests;
        this.drainTimeout = drainTimeout;
        for (int i = 0; i < connections; i++) {
            workerConnections.add(new Http11Connection());
        }
    }

    public int connections() {
        return connections;
    }

    /** Runs the load at {@code ratePerSecond} for {@code duration}; returns once every worker is done or given up. */
    public LoadResult run(double ratePerSecond, Duration duration) throws InterruptedException {
        // Starts a little ahead so that every worker is waiting when the first request is due.
        ArrivalSchedule schedule =
                new ArrivalSchedule(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50), ratePerSecond, duration);
        Run run = new Run(schedule);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Http11Connection connection = workerConnections.get(i);
            Thread worker = new Thread(() -> run.work(connection), "open-model-load-" + i);
            worker.setDaemon(true);
            workers.add(worker);
        }
        workers.forEach(Thread::start);
        long giveUpAt = schedule.endNanos() + drainTimeout.toNanos();
        for (Thread worker : workers) {
            long left = giveUpAt - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(worker, left);
            }
        }
        LoadResult result = run.close(ratePerSecond, duration);
        for (int i = 0; i < connections; i++) {
            Thread worker = workers.get(i);
            worker.interrupt();
            if (worker.isAlive()) {
                // Still waiting for an answer: closing its socket ends the wait, and the next run's worker gets a
                // connection of its own rather than one this thread may still touch.
                workerConnections.get(i).abort();
                workerConnections.set(i, new Http11Connection());
            }
        }
        return result;
    }

    /** The shared state of one run: the next request index, and what the workers recorded. */
    private final class Run {
        private final ArrivalSchedule schedule;
        private final AtomicLong nextIndex = new AtomicLong();
        private final LongAdder sent = new LongAdder();
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
        private final Histogram latencies = new Histogram(HIGHEST_LATENCY_MICROS, 3);
        private boolean closed;

        Run(ArrivalSchedule schedule) {
            this.schedule = schedule;
        }

        void work(Http11Connection connection) {
            while (true) {
                long index = nextIndex.getAndIncrement();
                if (!schedule.isWithinRun(index) || System.nanoTime() >= schedule.endNanos()) {
                    return;
                }
                long intended = schedule.intendedNanos(index);
                if (!sleepUntil(intended)) {
                    return;
                }
                LoadRequest request;
                try {
                    request = requests.create(index);
                } catch (RuntimeException e) {
                    recordError(e);
                    continue;
                }
                sent.increment();
                try {
                    int status = connection.exchange(request);
                    recordResponse(status, System.nanoTime() - intended);
                } catch (IOException e) {
                    recordError(e);
                }
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }

        private synchronized void recordResponse(int status, long latencyNanos) {
            if (closed) {
                return;
            }
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            latencies.recordValue(Math.min(HIGHEST_LATENCY_MICROS, Math.max(0, latencyNanos / 1000)));
        }

        private synchronized void recordError(Exception e) {
            if (closed) {
                return;
            }
            errors.computeIfAbsent(e.getClass().getSimpleName(), t -> new LongAdder())
                    .increment();
        }

        synchronized LoadResult close(double rate, Duration duration) {
            closed = true;
            SortedMap<Integer, Long> statusCounts = new TreeMap<>();
            statuses.forEach((status, count) -> statusCounts.put(status, count.sum()));
            SortedMap<String, Long> errorCounts = new TreeMap<>();
            errors.forEach((type, count) -> errorCounts.put(type, count.sum()));
            long answered = statusCounts.values().stream()
                            .mapToLong(Long::longValue)
                            .sum()
                    + errorCounts.values().stream().mapToLong(Long::longValue).sum();
            long sentCount = sent.sum();
            return new LoadResult(
                    rate,
                    duration,
                    schedule.size(),
                    sentCount,
                    statusCounts,
                    errorCounts,
                    Math.max(0, sentCount - answered),
                    latencies.copy());
        }
    }

    /** Parks until {@code deadline} ({@link System#nanoTime()}); false when interrupted. */
    private static boolean sleepUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
        }
        return true;
    }
}
