package dev.faro.bench.footprint;

/**
 * One fresh start of an app: milliseconds from launching its JVM to the first 200 of {@code /q/health/ready}, and
 * its resident memory right after that answer.
 */
record StartupSample(String target, int round, long firstRequestMillis, long residentKib) {

    double residentMib() {
        return residentKib / 1024.0;
    }
}
