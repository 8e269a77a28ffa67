package dev.faro.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuietRuleTest {

    private static final PipelineSnapshot QUIET = PipelineSnapshot.of(Map.of("faro_lead", 0L), 0, List.of());
    private static final PipelineSnapshot BUSY = PipelineSnapshot.of(Map.of("faro_lead", 5L), 0, List.of());
    private static final Duration BOUND = Duration.ofMinutes(5);

    private static Duration at(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    @Test
    void quietOnlyAfterTheNeededQuietReadingsInARow() {
        QuietRule rule = new QuietRule(BOUND, 2);

        assertThat(rule.observe(QUIET, at(0))).isEqualTo(QuietRule.Verdict.KEEP_WAITING);
        assertThat(rule.observe(QUIET, at(1))).isEqualTo(QuietRule.Verdict.QUIET);
    }

    @Test
    void aBusyReadingStartsTheCountAgain() {
        QuietRule rule = new QuietRule(BOUND, 2);

        assertThat(rule.observe(QUIET, at(0))).isEqualTo(QuietRule.Verdict.KEEP_WAITING);
        assertThat(rule.observe(BUSY, at(1))).isEqualTo(QuietRule.Verdict.KEEP_WAITING);
        assertThat(rule.observe(QUIET, at(2))).isEqualTo(QuietRule.Verdict.KEEP_WAITING);
        assertThat(rule.observe(QUIET, at(3))).isEqualTo(QuietRule.Verdict.QUIET);
    }

    @Test
    void givesUpOnceTheBoundHasPassedWithoutEnoughQuietReadings() {
        QuietRule rule = new QuietRule(BOUND, 2);

        assertThat(rule.observe(BUSY, at(299))).isEqualTo(QuietRule.Verdict.KEEP_WAITING);
        assertThat(rule.observe(BUSY, at(300))).isEqualTo(QuietRule.Verdict.GIVE_UP);
    }

    @Test
    void aPipelineThatQuietsRightAtTheBoundIsQuiet() {
        QuietRule rule = new QuietRule(BOUND, 2);

        rule.observe(QUIET, at(299));

        assertThat(rule.observe(QUIET, at(301))).isEqualTo(QuietRule.Verdict.QUIET);
    }

    @Test
    void needsAtLeastOneReading() {
        assertThatThrownBy(() -> new QuietRule(BOUND, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
