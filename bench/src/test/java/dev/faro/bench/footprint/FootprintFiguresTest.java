package dev.faro.bench.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faro.bench.Figure;
import java.util.List;
import org.junit.jupiter.api.Test;

class FootprintFiguresTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(FootprintFigures.median(new double[] {9, 1, 5})).isEqualTo(5);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(FootprintFigures.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    }

    @Test
    void serviceFiguresUseTheMediansAndJudgeEachAgainstItsOwnGoal() {
        List<StartupSample> service = List.of(
                new StartupSample("lead-service", 1, 3000, 200 * 1024),
                new StartupSample("lead-service", 2, 2800, 210 * 1024),
                new StartupSample("lead-service", 3, 9000, 190 * 1024));
        List<StartupSample> bare = List.of(
                new StartupSample("bare-app", 1, 2000, 100 * 1024),
                new StartupSample("bare-app", 2, 1900, 150 * 1024),
                new StartupSample("bare-app", 3, 2100, 160 * 1024));

        List<Figure> figures = FootprintFigures.forService("lead-service", service, "bare app", bare);

        Figure firstRequest = figures.get(0);
        assertThat(firstRequest.measure()).isEqualTo("time to first request, lead-service");
        assertThat(firstRequest.value()).isEqualTo(3000);
        assertThat(firstRequest.unit()).isEqualTo("ms");
        assertThat(firstRequest.baseline().value()).isEqualTo(2000);
        assertThat(firstRequest.baseline().what()).isEqualTo("bare app (median of 3)");
        assertThat(firstRequest.goal().text()).isEqualTo("≤ 1.5 × baseline");
        assertThat(firstRequest.goal().met()).isTrue();

        Figure rss = figures.get(1);
        assertThat(rss.value()).isEqualTo(200);
        assertThat(rss.unit()).isEqualTo("MiB");
        assertThat(rss.baseline().value()).isEqualTo(150);
        assertThat(rss.ratio()).isCloseTo(1.333, within(0.001));
        assertThat(rss.goal().text()).isEqualTo("≤ 1.3 × baseline");
        assertThat(rss.goal().met()).isFalse();
    }

    @Test
    void aRatioExactlyAtTheGoalMeetsIt() {
        Figure figure = FootprintFigures.judged("x", 130, "MiB", new Figure.Baseline("bare", 100, "MiB"), 1.3);

        assertThat(figure.goal().met()).isTrue();
    }

    @Test
    void aZeroBaselineCannotMeetAGoal() {
        Figure figure = FootprintFigures.judged("x", 1, "ms", new Figure.Baseline("bare", 0, "ms"), 1.5);

        assertThat(figure.goal().met()).isFalse();
    }
}
