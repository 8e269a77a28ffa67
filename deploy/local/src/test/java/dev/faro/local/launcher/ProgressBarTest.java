package dev.faro.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void halfWayFillsHalfTheBarAndShowsBothCountsWithThousandsSeparators() {
        assertThat(ProgressBar.line(status("reading", 1_234, 2_468), '·'))
                .isEqualTo("Rebuilding analytics [##########··········]  50%  1,234 / 2,468 events  reading");
    }

    @Test
    void atTheStartTheBarIsEmpty() {
        assertThat(ProgressBar.line(status("reading", 0, 2_468), '·'))
                .isEqualTo("Rebuilding analytics [····················]   0%  0 / 2,468 events  reading");
    }

    @Test
    void eventsReadBeyondAnOldTotalShowAFullBarAndNoMoreThan100Percent() {
        assertThat(ProgressBar.line(status("reading", 2_500, 2_468), '·'))
                .isEqualTo("Rebuilding analytics [####################] 100%  2,500 / 2,468 events  reading");
    }

    @Test
    void theLastEventsShowAs99PercentUntilTheyAreAllRead() {
        assertThat(ProgressBar.line(status("reading", 2_467, 2_468), '·'))
                .isEqualTo("Rebuilding analytics [###################·]  99%  2,467 / 2,468 events  reading");
    }

    @Test
    void anUnknownTotalShowsNoProgressAndOnlyTheEventsRead() {
        assertThat(ProgressBar.line(status("reading", 1_234_567, 0), '·'))
                .isEqualTo("Rebuilding analytics [····················]   0%  1,234,567 events  reading");
    }

    @Test
    void aFinishedRebuildIsAFullBarEvenWithNothingToRead() {
        assertThat(ProgressBar.line(status("done", 0, 0), '·'))
                .isEqualTo("Rebuilding analytics [####################] 100%  0 events  done");
    }

    @Test
    void anOutputThatCannotShowTheMiddleDotGetsDashes() {
        char cell = ProgressBar.emptyCellFor(StandardCharsets.US_ASCII);

        assertThat(ProgressBar.line(status("reading", 1, 4), cell))
                .isEqualTo("Rebuilding analytics [#####---------------]  25%  1 / 4 events  reading");
        assertThat(ProgressBar.emptyCellFor(StandardCharsets.UTF_8)).isEqualTo('·');
    }

    @Test
    void inALogALineIsPrintedAtEachTenPercentStepAndEachNewState() {
        ProgressBar bar = ProgressBar.forLog('·');
        List<String> printed = new ArrayList<>();
        for (RebuildStatus status : List.of(
                status("reading", 0, 1_000),
                status("reading", 50, 1_000),
                status("reading", 99, 1_000),
                status("reading", 100, 1_000),
                status("reading", 150, 1_000),
                status("reading", 350, 1_000),
                status("reading", 1_000, 1_000),
                status("swapping", 1_000, 1_000),
                status("swapping", 1_000, 1_000),
                status("done", 1_000, 1_000))) {
            printed.add(bar.update(status));
        }

        assertThat(String.join("", printed))
                .isEqualTo(lines(
                        "Rebuilding analytics [····················]   0%  0 / 1,000 events  reading",
                        "Rebuilding analytics [##··················]  10%  100 / 1,000 events  reading",
                        "Rebuilding analytics [#######·············]  35%  350 / 1,000 events  reading",
                        "Rebuilding analytics [####################] 100%  1,000 / 1,000 events  reading",
                        "Rebuilding analytics [####################] 100%  1,000 / 1,000 events  swapping",
                        "Rebuilding analytics [####################] 100%  1,000 / 1,000 events  done"))
                .doesNotContain("\r");
    }

    @Test
    void inALogAStepIsNotPrintedAgainWhenAGrowingTotalPushesThePercentageBack() {
        ProgressBar bar = ProgressBar.forLog('·');
        bar.update(status("reading", 950, 1_000));

        assertThat(bar.update(status("reading", 960, 1_100))).as("87 %").isEmpty();
        assertThat(bar.update(status("reading", 1_000, 1_100))).as("90 % again").isEmpty();
        assertThat(bar.update(status("reading", 1_100, 1_100)))
                .isEqualTo(lines("Rebuilding analytics [####################] 100%  1,100 / 1,100 events  reading"));
    }

    @Test
    void onATerminalOneLineIsRedrawnInPlaceAndEndedBeforeTheResult() {
        ProgressBar bar = ProgressBar.forTerminal('·');

        String first = bar.update(status("reading", 1_000, 10_000));
        String unchanged = bar.update(status("reading", 1_000, 10_000));
        String shorter = bar.update(status("done", 10_000, 10_000));
        String end = bar.finishLine();

        assertThat(first)
                .isEqualTo("\rRebuilding analytics [##··················]  10%  1,000 / 10,000 events  reading");
        assertThat(unchanged).isEmpty();
        assertThat(shorter)
                .as("blanks over the end of the longer line before")
                .isEqualTo("\rRebuilding analytics [####################] 100%  10,000 / 10,000 events  done  ");
        assertThat(end).isEqualTo(System.lineSeparator());
        assertThat(bar.finishLine()).as("ended once").isEmpty();
    }

    @Test
    void theResultSaysHowManyEventsAndHowLong() {
        assertThat(ProgressBar.rebuilt(status("done", 2_468, 2_468), Duration.ofMillis(3_240)))
                .isEqualTo("Analytics rebuilt from 2,468 events in 3.2 s.");
    }

    private static RebuildStatus status(String state, long read, long total) {
        return new RebuildStatus("id", state, read, total, Instant.EPOCH, null, null);
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }
}
