package dev.faro.systemtest.faults;

import java.time.Duration;

/**
 * How hard the fault tests push: the load and the length of each outage. The defaults are the short setting CI runs
 * within its budget; a full run passes e.g. {@code -Dfaro.faults.rate=20 -Dfaro.faults.kafka-outage=30s
 * -Dfaro.faults.smtp-outage=60s -Dfaro.faults.postgres-outage=30s -Dfaro.faults.crashes=3}.
 */
record FaultSettings(
        double leadsPerSecond,
        Duration steady,
        Duration kafkaOutage,
        Duration postgresOutage,
        Duration smtpOutage,
        int crashesPerConsumer) {

    static FaultSettings fromSystemProperties() {
        return new FaultSettings(
                Double.parseDouble(System.getProperty("faro.faults.rate", "5")),
                duration("faro.faults.steady", "3s"),
                duration("faro.faults.kafka-outage", "10s"),
                duration("faro.faults.postgres-outage", "5s"),
                duration("faro.faults.smtp-outage", "30s"),
                Integer.parseInt(System.getProperty("faro.faults.crashes", "1")));
    }

    private static Duration duration(String property, String fallback) {
        String value = System.getProperty(property, fallback).trim();
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> throw new IllegalArgumentException(property + " must end in s or m: " + value);
        };
    }

    @Override
    public String toString() {
        return leadsPerSecond + " leads/s, " + steady.toSeconds() + " s steady before and after each fault; outages:"
                + " Kafka " + kafkaOutage.toSeconds() + " s, PostgreSQL " + postgresOutage.toSeconds() + " s, SMTP "
                + smtpOutage.toSeconds() + " s; " + crashesPerConsumer + " crash(es) per consumer service";
    }
}
