package dev.faro.bench.footprint;

import dev.faro.bench.Figure;
import java.util.Arrays;
import java.util.List;

/** Turns the fresh starts of a service and of its bare app into figures judged against the goals. */
final class FootprintFigures {

    static final double FIRST_REQUEST_GOAL = 1.5;
    static final double RSS_GOAL = 1.3;

    private FootprintFigures() {}

    static List<Figure> forService(
            String service, List<StartupSample> serviceStarts, String baselineName, List<StartupSample> bareStarts) {
        double firstRequest = median(serviceStarts.stream()
                .mapToDouble(StartupSample::firstRequestMillis)
                .toArray());
        double bareFirstRequest = median(bareStarts.stream()
                .mapToDouble(StartupSample::firstRequestMillis)
                .toArray());
        double rss = median(
                serviceStarts.stream().mapToDouble(StartupSample::residentMib).toArray());
        double bareRss = median(
                bareStarts.stream().mapToDouble(StartupSample::residentMib).toArray());
        String runs = " (median of " + bareStarts.size() + ")";
        return List.of(
                judged(
                        "time to first request, " + service,
                        firstRequest,
                        "ms",
                        new Figure.Baseline(baselineName + runs, bareFirstRequest, "ms"),
                        FIRST_REQUEST_GOAL),
                judged(
                        "RSS after first request, " + service,
                        rss,
                        "MiB",
                        new Figure.Baseline(baselineName + runs, bareRss, "MiB"),
                        RSS_GOAL));
    }

    /** A figure whose goal is to stay at or below {@code maxRatio} times its baseline. */
    static Figure judged(String measure, double value, String unit, Figure.Baseline baseline, double maxRatio) {
        Figure unjudged = new Figure(measure, value, unit, baseline, null);
        boolean met = !Double.isNaN(unjudged.ratio()) && unjudged.ratio() <= maxRatio;
        return new Figure(measure, value, unit, baseline, new Figure.Goal("≤ " + maxRatio + " × baseline", met));
    }

    /** The middle value; the mean of the two middle ones for an even count. */
    static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
