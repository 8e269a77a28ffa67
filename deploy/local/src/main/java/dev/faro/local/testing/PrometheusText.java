package dev.faro.local.testing;

import java.util.Map;
import java.util.OptionalDouble;

/** Reads a sample from a Prometheus text exposition, as scraped from a service's /q/metrics. */
public final class PrometheusText {

    private PrometheusText() {}

    /** The value of the first sample of a metric without labels, if the scrape has one. */
    public static OptionalDouble value(String scrape, String metric) {
        return scrape.lines()
                .filter(line -> line.startsWith(metric + " "))
                .mapToDouble(line ->
                        Double.parseDouble(line.substring(metric.length() + 1).trim()))
                .findFirst();
    }

    /** The sum of a metric's samples that carry every given label (others may be present), 0 when none. */
    public static double sum(String scrape, String metric, Map<String, String> labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(metric + "{"))
                .filter(line -> labels.entrySet().stream()
                        .allMatch(label -> line.contains(label.getKey() + "=\"" + label.getValue() + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
