package dev.faro.bench.endtoend;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The body of each capture request, for a load generator that serves the warm-up and every measured run (so that
 * they all use the same, already open connections): which run's addresses the next requests go to and, in a measured
 * run, when each lead's request was sent. Called from the generator's worker threads.
 */
final class LeadCaptures {

    /** {@code sentAt} is null for a run that is not measured. */
    private record Target(LeadAddresses addresses, Map<String, Instant> sentAt) {}

    private final AtomicReference<Target> target;

    /** Starts unmeasured, with the warm-up's addresses. */
    LeadCaptures(LeadAddresses warmUp) {
        this.target = new AtomicReference<>(new Target(warmUp, null));
    }

    /**
     * From now on the requests go to {@code addresses}, and each one's send time is put into the returned map (by
     * address) just before its body is made. Call it between runs of the generator, never during one.
     */
    Map<String, Instant> measure(LeadAddresses addresses) {
        Map<String, Instant> sentAt = new ConcurrentHashMap<>();
        target.set(new Target(addresses, sentAt));
        return sentAt;
    }

    String body(long sequence) {
        Target to = target.get();
        if (to.sentAt() != null) {
            to.sentAt().put(to.addresses().address(sequence), Instant.now());
        }
        return to.addresses().captureBody(sequence);
    }
}
