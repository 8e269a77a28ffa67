package dev.faro.bench.endtoend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How many of the measured leads passed each stamp in each second of the run (from the first send). A stage that
 * keeps up shows the load's rate; one that does not shows fewer, and the leads queue before it: their hop grows
 * second by second, which percentiles alone do not tell apart from a fixed delay.
 */
final class StageRates {

    private static final List<String> STAGES = List.of("sent", "LeadCaptured", "IncentiveIssued", "SMTP accepted");

    private StageRates() {}

    /** One line per second: "second sent LeadCaptured IncentiveIssued SMTP-accepted", counts of leads. */
    static String table(List<LeadJourney> journeys) {
        List<Function<LeadJourney, Long>> stamps = List.of(
                LeadJourney::sentMicros,
                LeadJourney::leadCapturedMicros,
                LeadJourney::incentiveIssuedMicros,
                LeadJourney::smtpAcceptedMicros);
        long start = journeys.stream().mapToLong(LeadJourney::sentMicros).min().orElse(0);
        List<TreeMap<Long, Integer>> perSecond = new ArrayList<>();
        long lastSecond = 0;
        for (Function<LeadJourney, Long> stamp : stamps) {
            TreeMap<Long, Integer> counts = new TreeMap<>();
            for (LeadJourney journey : journeys) {
                Long at = stamp.apply(journey);
                if (at != null) {
                    long second = Math.max(0, at - start) / 1_000_000;
                    counts.merge(second, 1, Integer::sum);
                    lastSecond = Math.max(lastSecond, second);
                }
            }
            perSecond.add(counts);
        }
        StringBuilder table = new StringBuilder("second " + String.join(" | ", STAGES) + "\n");
        for (long second = 0; journeys.size() > 0 && second <= lastSecond; second++) {
            table.append(String.format(Locale.ROOT, "%6d", second));
            for (TreeMap<Long, Integer> counts : perSecond) {
                table.append(String.format(Locale.ROOT, " %6d", counts.getOrDefault(second, 0)));
            }
            table.append('\n');
        }
        return table.toString();
    }
}
