package dev.faro.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GroupLagTest {

    private static final TopicPartition LEADS_0 = new TopicPartition("faro.leads", 0);
    private static final TopicPartition LEADS_1 = new TopicPartition("faro.leads", 1);
    private static final TopicPartition INCENTIVES_3 = new TopicPartition("faro.incentives", 3);

    @Test
    void lagIsTheEndOffsetMinusTheCommittedOffsetPerPartition() {
        GroupLag lag = GroupLag.of(
                "email-service",
                Map.of(LEADS_0, 100L, LEADS_1, 40L, INCENTIVES_3, 7L),
                Map.of(LEADS_0, 100L, LEADS_1, 52L, INCENTIVES_3, 10L));

        assertThat(lag.lagByPartition())
                .containsExactly(
                        Map.entry("faro.incentives-3", 3L),
                        Map.entry("faro.leads-0", 0L),
                        Map.entry("faro.leads-1", 12L));
        assertThat(lag.total()).isEqualTo(15);
        assertThat(lag.describeBehind()).isEqualTo("email-service: faro.incentives-3 3, faro.leads-1 12");
    }

    @Test
    void aGroupThatCommittedEveryRecordHasNoLag() {
        GroupLag lag =
                GroupLag.of("incentive-service", Map.of(LEADS_0, 5L, LEADS_1, 9L), Map.of(LEADS_0, 5L, LEADS_1, 9L));

        assertThat(lag.total()).isZero();
    }

    @Test
    void aCommitPastTheEndOrAPartitionWithoutAnEndOffsetCountsAsNotBehind() {
        GroupLag lag = GroupLag.of("analytics-service", Map.of(LEADS_0, 120L, LEADS_1, 3L), Map.of(LEADS_0, 100L));

        assertThat(lag.lagByPartition()).containsEntry("faro.leads-0", 0L).containsEntry("faro.leads-1", 0L);
        assertThat(lag.total()).isZero();
    }

    @Test
    void partitionsTheGroupNeverCommittedAreLeftOut() {
        GroupLag lag = GroupLag.of("email-service", Map.of(LEADS_0, 4L), Map.of(LEADS_0, 4L, LEADS_1, 1000L));

        assertThat(lag.lagByPartition()).containsOnlyKeys("faro.leads-0");
    }
}
