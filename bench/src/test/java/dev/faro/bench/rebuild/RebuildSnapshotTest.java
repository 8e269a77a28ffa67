package dev.faro.bench.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RebuildSnapshotTest {

    @Test
    void readsAFinishedRebuildAndItsRate() {
        RebuildSnapshot done = RebuildSnapshot.parse(
                """
                {"id":"0b6f3c1e-5a8d-4b62-9c3e-7d1f2a4b5c6d","state":"done","eventsRead":50000,"eventsTotal":50000,\
                "startedAt":"2026-11-26T11:05:00.000Z","finishedAt":"2026-11-26T11:05:20.000Z","error":null}
                """);

        assertThat(done.finished()).isTrue();
        assertThat(done.eventsRead()).isEqualTo(50_000);
        assertThat(done.elapsed()).isEqualTo(Duration.ofSeconds(20));
        assertThat(done.eventsPerSecond()).isCloseTo(2_500, within(0.001));
        assertThat(done.error()).isEmpty();
    }

    @Test
    void aRebuildUnderWayHasNoEndYet() {
        RebuildSnapshot reading = RebuildSnapshot.parse(
                """
                {"id":"0b6f3c1e-5a8d-4b62-9c3e-7d1f2a4b5c6d","state":"reading","eventsRead":1500,"eventsTotal":50000,\
                "startedAt":"2026-11-26T11:05:00.123456Z","finishedAt":null,"error":null}
                """);

        assertThat(reading.finished()).isFalse();
        assertThat(reading.startedAt()).isEqualTo(Instant.parse("2026-11-26T11:05:00.123456Z"));
        assertThat(reading.finishedAt()).isEmpty();
        assertThatThrownBy(reading::elapsed).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedRebuildKeepsItsReason() {
        RebuildSnapshot failed = RebuildSnapshot.parse(
                """
                {"id":"x","state":"failed","eventsRead":10,"eventsTotal":20,"startedAt":"2026-11-26T11:05:00Z",\
                "finishedAt":"2026-11-26T11:05:01Z","error":"the service stopped during the rebuild"}
                """);

        assertThat(failed.finished()).isTrue();
        assertThat(failed.error()).contains("the service stopped during the rebuild");
    }

    @Test
    void refusesSomethingElse() {
        assertThatThrownBy(() -> RebuildSnapshot.parse("{\"type\":\"about:blank\",\"status\":404}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
