package dev.faro.local.testing;

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
}
