package dev.faro.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.faro.bench.Figure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuFiguresTest {

    /** 10 s on 2 cores (20 000 ms of CPU), 1 000 leads. */
    private static CpuUsage usage() {
        Map<String, Double> millis = new LinkedHashMap<>();
        millis.put("lead-service", 6000.0);
        millis.put("PostgreSQL", 4000.0);
        return new CpuUsage(10, millis, Map.of("lead-service", 1500.0), Map.of(), 18_000, 20_000, 2);
    }

    @Test
    void theCeilingIsTheCoresOverTheTotalCpuPerUnit() {
        assertThat(usage().capacityMillis()).isCloseTo(20_000, within(1e-9));
        assertThat(CpuFigures.totalMillisPer(usage(), 1000)).isCloseTo(10.0, within(1e-9));
        // 2 cores × 1000 ms ÷ 10 ms per lead
        assertThat(CpuFigures.ceilingPerSecond(usage(), 1000)).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void figuresGivePerUnitCpuMachineShareAndJitShareInOrder() {
        List<Figure> figures = CpuFigures.figures(usage(), 1000, "accepted lead", "lead");

        assertThat(figures)
                .extracting(Figure::measure)
                .containsExactly(
                        "CPU per accepted lead: lead-service",
                        "  share of the machine's CPU (lead-service)",
                        "  of which JIT compiler threads (lead-service)",
                        "CPU per accepted lead: PostgreSQL",
                        "  share of the machine's CPU (PostgreSQL)",
                        "CPU per accepted lead: all processes above",
                        "machine CPU busy over the run (/proc/stat, anything running)",
                        "  of which processes not above (other work on the machine, kernel threads)",
                        "ceiling of 2 cores at that CPU per lead (cores ÷ CPU per lead)");
        assertThat(figures)
                .extracting(Figure::value)
                .containsExactly(6.0, 30.0, 25.0, 4.0, 20.0, 10.0, 90.0, 40.0, 200.0);
        assertThat(figures).allSatisfy(f -> assertThat(f.goal()).isNull());
    }

    @Test
    void withoutWorkThereIsNoCeiling() {
        assertThat(CpuFigures.ceilingPerSecond(usage(), 0)).isZero();
        assertThat(CpuFigures.table(usage(), 0, "lead")).contains("all of the above");
    }

    @Test
    void postgresIsSplitByWhatItsChildrenAreAndSmallPartsStayInTheRawTable() {
        Map<String, Double> millis = new LinkedHashMap<>();
        millis.put("PostgreSQL", 4000.0);
        Map<String, Double> children = new LinkedHashMap<>();
        children.put("backends of faro_lead", 3000.0);
        children.put("stats collector", 50.0);
        children.put("walwriter", 600.0);
        CpuUsage usage = new CpuUsage(10, millis, Map.of(), Map.of("PostgreSQL", children), 10_000, 20_000, 2);

        List<Figure> figures = CpuFigures.figures(usage, 1000, "accepted lead", "lead");

        assertThat(figures)
                .extracting(Figure::measure)
                .contains(
                        "  PostgreSQL: backends of faro_lead",
                        "  PostgreSQL: walwriter",
                        "  PostgreSQL: postmaster and children that exited")
                .doesNotContain("  PostgreSQL: stats collector");
        assertThat(CpuFigures.parts(usage, "PostgreSQL")).containsEntry("postmaster and children that exited", 350.0);
        assertThat(CpuFigures.table(usage, 1000, "lead")).contains("stats collector");
    }
}
