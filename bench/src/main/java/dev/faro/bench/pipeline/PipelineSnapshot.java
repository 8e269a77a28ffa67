package dev.faro.bench.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Work still in flight in the running stack at one reading: events written to an outbox and not yet sent, records
 * a service's consumer group has not committed, and emails due that email-service has not sent yet.
 *
 * @param unsentOutbox per database that has an {@code outbox_event} table, its rows with {@code sent_at} null
 * @param dueEmails email-service's {@code send_ledger} rows being attempted or due within the attempt timeout (at most 1 000)
 * @param lags every service consumer group's lag
 */
public record PipelineSnapshot(SortedMap<String, Long> unsentOutbox, long dueEmails, List<GroupLag> lags) {

    public PipelineSnapshot {
        unsentOutbox = Collections.unmodifiableSortedMap(new TreeMap<>(unsentOutbox));
        lags = List.copyOf(lags);
    }

    public static PipelineSnapshot of(Map<String, Long> unsentOutbox, long dueEmails, List<GroupLag> lags) {
        return new PipelineSnapshot(new TreeMap<>(unsentOutbox), dueEmails, lags);
    }

    public boolean quiet() {
        return unsentOutbox.values().stream().allMatch(unsent -> unsent == 0)
                && dueEmails == 0
                && lags.stream().allMatch(lag -> lag.total() == 0);
    }

    /** What is still in flight ("quiet" if nothing), for the raw output and a failure's message. */
    public String describe() {
        List<String> busy = new ArrayList<>();
        unsentOutbox.forEach((database, unsent) -> {
            if (unsent > 0) {
                busy.add(database + " outbox_event unsent " + unsent);
            }
        });
        if (dueEmails > 0) {
            busy.add("faro_email send_ledger due " + dueEmails);
        }
        for (GroupLag lag : lags) {
            if (lag.total() > 0) {
                busy.add("consumer group " + lag.describeBehind());
            }
        }
        return busy.isEmpty() ? "quiet" : String.join("; ", busy);
    }
}
