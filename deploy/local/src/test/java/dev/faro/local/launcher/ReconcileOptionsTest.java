package dev.faro.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ReconcileOptionsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void withoutOptionsTheLastDayIsCheckedOnceWithAMinuteOfGrace() {
        ReconcileCommand.Options options = ReconcileCommand.Options.parse(new String[0], CLOCK);

        assertThat(options.from()).isEqualTo(NOW.minus(Duration.ofHours(24)));
        assertThat(options.to()).isEqualTo(NOW);
        assertThat(options.grace()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.patience()).isZero();
    }

    @Test
    void durationsComeInShortUnitsOrIso() {
        ReconcileCommand.Options options = ReconcileCommand.Options.parse(
                new String[] {"--since", "90m", "--grace", "0s", "--wait", "PT2M"}, CLOCK);

        assertThat(options.from()).isEqualTo(NOW.minus(Duration.ofMinutes(90)));
        assertThat(options.grace()).isZero();
        assertThat(options.patience()).isEqualTo(Duration.ofMinutes(2));
        assertThat(ReconcileCommand.Options.parse(new String[] {"--since", "7d"}, CLOCK)
                        .from())
                .isEqualTo(NOW.minus(Duration.ofDays(7)));
    }

    @Test
    void anExplicitWindowWins() {
        ReconcileCommand.Options options = ReconcileCommand.Options.parse(
                new String[] {"--from", "2026-11-27T10:00:00Z", "--to", "2026-11-27T11:00:00Z", "--since", "1h"},
                CLOCK);

        assertThat(options.from()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(options.to()).isEqualTo(Instant.parse("2026-11-27T11:00:00Z"));
    }

    @Test
    void whatItDoesNotUnderstandIsNamed() {
        assertThatThrownBy(() -> ReconcileCommand.Options.parse(new String[] {"--since", "soon"}, CLOCK))
                .hasMessageContaining("--since takes a duration");
        assertThatThrownBy(() -> ReconcileCommand.Options.parse(new String[] {"--from", "today"}, CLOCK))
                .hasMessageContaining("--from takes an instant");
        assertThatThrownBy(() -> ReconcileCommand.Options.parse(new String[] {"--verbose", "yes"}, CLOCK))
                .hasMessage("unknown option --verbose");
        assertThatThrownBy(() -> ReconcileCommand.Options.parse(new String[] {"--wait"}, CLOCK))
                .hasMessage("--wait needs a value");
    }
}
