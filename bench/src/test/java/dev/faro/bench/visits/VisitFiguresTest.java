package dev.faro.bench.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faro.bench.Figure;
import dev.faro.bench.cpu.CpuUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VisitFiguresTest {

    /** 20 s on 2 cores (40 000 ms of CPU), 38 000 ms of it busy. */
    private static CpuUsage usage(double leadServiceMillis, double analyticsMillis) {
        Map<String, Double> millis = new LinkedHashMap<>();
        millis.put("lead-service", leadServiceMillis);
        millis.put("analytics-service", analyticsMillis);
        millis.put("bench JVM (load generator)", 6000.0);
        return new CpuUsage(20, millis, Map.of(), Map.of(), 38_000, 40_000, 2);
    }

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

    @Test
    void theNoopAccountGivesLeadServicesShareTheWholeStackAndTheMachine() {
        // 50 000 requests: lead-service 24 000 ms, nothing downstream, the load generator 6 000 ms
        List<Figure> figures = VisitFigures.noopCpu(usage(24_000, 0), 50_000);

        assertThat(figures)
                .extracting(Figure::measure)
                .containsExactly(
                        "CPU per request at the no-op ceiling: lead-service",
                        "CPU per request at the no-op ceiling: all processes (load generator included)",
                        "machine CPU busy at the no-op ceiling (/proc/stat)");
        assertThat(figures.get(0).value()).isCloseTo(0.48, within(1e-9));
        assertThat(figures.get(1).value()).isCloseTo(0.6, within(1e-9));
        assertThat(figures.get(2).value()).isCloseTo(95.0, within(1e-9));
    }

    @Test
    void theVisitAccountNamesEveryProcessPerVisitAndTheCeilingItImplies() {
        // 40 000 visits: lead-service 20 000 ms, analytics counting them 14 000 ms, the load generator 6 000 ms
        List<Figure> figures = VisitFigures.visitCpu(usage(20_000, 14_000), 40_000);

        assertThat(figures)
                .filteredOn(figure -> figure.measure().startsWith("CPU per visit at the sustained rate: "))
                .extracting(Figure::value)
                .containsExactly(0.5, 0.35, 0.15, 1.0);
        assertThat(figures.get(figures.size() - 1).measure()).startsWith("ceiling of 2 cores at that CPU per visit");
        // 2 cores × 1000 ms ÷ 1 ms per visit
        assertThat(figures.get(figures.size() - 1).value()).isCloseTo(2000.0, within(1e-9));
    }

    @Test
    void noRequestsGiveZeroRatherThanDivideByZero() {
        assertThat(VisitFigures.noopCpu(usage(1000, 0), 0))
                .extracting(Figure::value)
                .startsWith(0.0, 0.0);
    }
}
