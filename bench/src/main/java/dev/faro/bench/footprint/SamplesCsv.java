package dev.faro.bench.footprint;

import java.util.List;

/** The raw samples as CSV, one fresh start a line, for the benchmark's raw-output folder. */
final class SamplesCsv {

    static final String HEADER = "target,round,first_request_ms,rss_kib";

    private SamplesCsv() {}

    static String write(List<StartupSample> samples) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (StartupSample sample : samples) {
            csv.append(sample.target())
                    .append(',')
                    .append(sample.round())
                    .append(',')
                    .append(sample.firstRequestMillis())
                    .append(',')
                    .append(sample.residentKib())
                    .append('\n');
        }
        return csv.toString();
    }
}
