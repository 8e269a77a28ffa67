package dev.faro.bench.ingestion;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of a pgbench run, read from its standard output.
 *
 * @param tps transactions per second, without the initial connection time
 * @param latencyAverageMillis pgbench's average transaction latency
 * @param transactions transactions processed
 * @param failed failed transactions (0 when pgbench does not report them)
 */
record PgbenchOutput(double tps, double latencyAverageMillis, long transactions, long failed) {

    private static final Pattern TPS = Pattern.compile("(?m)^tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("(?m)^latency average = ([0-9.]+) ms");
    private static final Pattern PROCESSED = Pattern.compile("(?m)^number of transactions actually processed: (\\d+)");
    private static final Pattern FAILED = Pattern.compile("(?m)^number of failed transactions: (\\d+)");

    static PgbenchOutput parse(String stdout) {
        return new PgbenchOutput(
                Double.parseDouble(required(TPS, stdout, "tps")),
                Double.parseDouble(required(LATENCY, stdout, "latency average")),
                Long.parseLong(required(PROCESSED, stdout, "number of transactions")),
                optional(FAILED, stdout));
    }

    private static String required(Pattern pattern, String stdout, String what) {
        Matcher matcher = pattern.matcher(stdout);
        if (!matcher.find()) {
            throw new IllegalArgumentException("no " + what + " in pgbench's output:\n" + stdout);
        }
        return matcher.group(1);
    }

    private static long optional(Pattern pattern, String stdout) {
        Matcher matcher = pattern.matcher(stdout);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }
}
