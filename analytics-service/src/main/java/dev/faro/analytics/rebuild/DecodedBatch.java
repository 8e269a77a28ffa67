package dev.faro.analytics.rebuild;

import dev.faro.contract.EventEnvelope;
import java.util.List;

/**
 * Records read from the log, decoded: the funnel events among them in log order, and how many records they were
 * (what the rebuild's progress counts, records skipped as unreadable or of no funnel type included).
 */
record DecodedBatch(int records, List<Event> events) {

    boolean isEmpty() {
        return records == 0;
    }

    record Event(EventEnvelope envelope, Record data) {}
}
