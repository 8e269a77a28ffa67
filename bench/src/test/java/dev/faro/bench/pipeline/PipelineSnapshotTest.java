package dev.faro.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PipelineSnapshotTest {

    private static final Map<String, Long> OUTBOXES_EMPTY = Map.of("faro_lead", 0L, "faro_incentive", 0L);

    private static GroupLag lag(String group, long behind) {
        return new GroupLag(group, new TreeMap<>(Map.of("faro.leads-0", behind, "faro.leads-1", 0L)));
    }

    @Test
    void quietWhenNoOutboxRowIsUnsentNoEmailIsDueAndNoGroupIsBehind() {
        PipelineSnapshot snapshot =
                PipelineSnapshot.of(OUTBOXES_EMPTY, 0, List.of(lag("incentive-service", 0), lag("email-service", 0)));

        assertThat(snapshot.quiet()).isTrue();
        assertThat(snapshot.describe()).isEqualTo("quiet");
    }

    @Test
    void anUnsentOutboxRowKeepsItBusy() {
        PipelineSnapshot snapshot =
                PipelineSnapshot.of(Map.of("faro_lead", 0L, "faro_incentive", 3L), 0, List.of(lag("email-service", 0)));

        assertThat(snapshot.quiet()).isFalse();
        assertThat(snapshot.describe()).isEqualTo("faro_incentive outbox_event unsent 3");
    }

    @Test
    void aDueEmailKeepsItBusy() {
        PipelineSnapshot snapshot = PipelineSnapshot.of(OUTBOXES_EMPTY, 2, List.of());

        assertThat(snapshot.quiet()).isFalse();
        assertThat(snapshot.describe()).isEqualTo("faro_email send_ledger due 2");
    }

    @Test
    void aLaggingGroupKeepsItBusyAndEverythingInFlightIsNamed() {
        PipelineSnapshot snapshot = PipelineSnapshot.of(
                Map.of("faro_lead", 12L), 1, List.of(lag("incentive-service", 0), lag("email-service", 40)));

        assertThat(snapshot.quiet()).isFalse();
        assertThat(snapshot.describe())
                .isEqualTo("faro_lead outbox_event unsent 12; faro_email send_ledger due 1;"
                        + " consumer group email-service: faro.leads-0 40");
    }
}
