package dev.faro.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class DeadLetterHealthTest {

    private static final Instant PARKED_AT = Instant.parse("2026-11-27T10:00:00Z");

    @Test
    void upWithNothingDeadLettered() {
        HealthCheckResponse response = health(PARKED_AT).call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData())
                .hasValueSatisfying(data -> assertThat(data).containsEntry("deadLettered", 0L));
    }

    @Test
    void downWithTheLastReasonAndOriginUntilTheAlertWindowHasPassed() {
        MovableClock clock = new MovableClock(PARKED_AT);
        DeadLetterHealth health = new DeadLetterHealth(config(Duration.ofHours(24)), clock);
        health.parked("UNPARSEABLE", "faro.leads/0@7");
        health.parked("SCHEMA_VIOLATION", "faro.incentives/2@41");

        clock.now = PARKED_AT.plus(Duration.ofHours(23));
        HealthCheckResponse recent = health.call();
        assertThat(recent.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(recent.getName()).isEqualTo("dead-letters");
        assertThat(recent.getData()).hasValueSatisfying(data -> assertThat(data)
                .containsEntry("deadLettered", 2L)
                .containsEntry("lastReason", "SCHEMA_VIOLATION")
                .containsEntry("lastOrigin", "faro.incentives/2@41")
                .containsEntry("lastAt", PARKED_AT.toString()));

        clock.now = PARKED_AT.plus(Duration.ofHours(25));
        HealthCheckResponse later = health.call();
        assertThat(later.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(later.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("deadLettered", 2L));
    }

    private static DeadLetterHealth health(Instant now) {
        return new DeadLetterHealth(config(Duration.ofHours(24)), new MovableClock(now));
    }

    private static InboxConfig config(Duration alert) {
        return new InboxConfig() {
            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(200);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofSeconds(10);
            }

            @Override
            public int maxBatch() {
                return 100;
            }

            @Override
            public Duration deadLetterAlert() {
                return alert;
            }
        };
    }

    private static final class MovableClock extends Clock {
        Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
