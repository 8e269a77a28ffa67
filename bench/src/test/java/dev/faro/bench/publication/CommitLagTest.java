package dev.faro.bench.publication;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.bench.pipeline.EventListener;
import dev.faro.contract.EventType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommitLagTest {

    private static final long MEASURED_FROM = 1_000_000_000L;

    private static EventListener.Arrival arrival(UUID eventId, long recordMicros) {
        return new EventListener.Arrival(EventType.LEAD_CAPTURED, eventId, "lead", recordMicros, recordMicros + 3000);
    }

    @Test
    void onlyEventsCommittedOnceTheMeasuredLoadBeganAreSamples() {
        UUID warmUp = UUID.randomUUID();
        UUID measured = UUID.randomUUID();
        UUID notInTheOutbox = UUID.randomUUID();
        List<EventListener.Arrival> arrivals = List.of(
                // a warm-up lead's event arrives during the measured run, yet was committed before it began
                arrival(warmUp, MEASURED_FROM + 400_000),
                arrival(measured, MEASURED_FROM + 20_000),
                arrival(notInTheOutbox, MEASURED_FROM + 30_000));
        Map<UUID, Long> committed = Map.of(warmUp, MEASURED_FROM - 1, measured, MEASURED_FROM + 5_000);

        List<LagSample> samples = CommitLag.measuredSamples(arrivals, committed, MEASURED_FROM);

        assertThat(samples)
                .containsExactly(
                        new LagSample(measured, MEASURED_FROM + 5_000, MEASURED_FROM + 20_000, MEASURED_FROM + 23_000));
    }

    @Test
    void warmUpAndMeasuredLeadsGetDifferentAddresses() {
        assertThat(CommitLag.leadJson("r1-warm", 0)).contains("bench-lag-r1-warm-0@example.org");
        assertThat(CommitLag.leadJson("r1", 0)).contains("bench-lag-r1-0@example.org");
    }
}
