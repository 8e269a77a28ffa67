package dev.faro.bench.visits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.bench.Figure;
import org.junit.jupiter.api.Test;

class VisitFiguresTest {

    @Test
    void eightyPercentOfTheNoopRateMeetsTheGoal() {
        Figure figure = VisitFigures.sustainedRate(4000, 5000, 64);

        assertThat(figure.ratio()).isEqualTo(0.8);
        assertThat(figure.goal().met()).isTrue();
        assertThat(figure.goal().text()).isEqualTo("≥ 0.8 × baseline");
        assertThat(figure.measure()).isEqualTo("sustained rate of POST /api/visits, 64 connections");
        assertThat(figure.baseline().unit()).isEqualTo("req/s");
    }

    @Test
    void lessMissesIt() {
        assertThat(VisitFigures.sustainedRate(3999, 5000, 64).goal().met()).isFalse();
    }

    @Test
    void noSustainedCeilingMeansTheGoalCannotBeJudgedAsMet() {
        assertThat(VisitFigures.sustainedRate(3000, 0, 64).goal().met()).isFalse();
    }
}
