package dev.faro.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    /** PostgreSQL's postmaster on this machine: a few ticks of its own, far more from backends it reaped. */
    private static final String POSTMASTER = "2226 (postgres) S 1 2226 2226 0 -1 4194304 11418 727933 0 0 2 13 2049"
            + " 937 20 0 1 0 4314663 227880960 8264 18446744073709551615 94560277495808 94560284599336";

    @Test
    void cpuFieldsAreUtimeStimeCutimeCstime() {
        ProcStat stat = ProcStat.parse(POSTMASTER);

        assertThat(stat.name()).isEqualTo("postgres");
        assertThat(stat.parentPid()).isEqualTo(1);
        assertThat(stat.userTicks()).isEqualTo(2);
        assertThat(stat.systemTicks()).isEqualTo(13);
        assertThat(stat.ownTicks()).isEqualTo(15);
        assertThat(stat.reapedChildrenTicks()).isEqualTo(2049 + 937);
    }

    @Test
    void aJitThreadNameWithASpaceKeepsTheFieldsInPlace() {
        String thread = "2398 (C2 CompilerThre) S 2182 2182 2182 0 -1 4194368 29956 0 0 0 3530 125 0 0 20 0 45 0"
                + " 4315102 3190935552 110575";

        ProcStat stat = ProcStat.parse(thread);

        assertThat(stat.name()).isEqualTo("C2 CompilerThre");
        assertThat(stat.parentPid()).isEqualTo(2182);
        assertThat(stat.ownTicks()).isEqualTo(3530 + 125);
    }

    @Test
    void parenthesesInsideTheNameDoNotEndIt() {
        String odd = "42 (x) 1 2 3 (y) R 7 42 42 0 -1 0 0 0 0 0 11 22 33 44 20 0 1 0 777 1000 10";

        ProcStat stat = ProcStat.parse(odd);

        assertThat(stat.name()).isEqualTo("x) 1 2 3 (y");
        assertThat(stat.parentPid()).isEqualTo(7);
        assertThat(stat.userTicks()).isEqualTo(11);
        assertThat(stat.systemTicks()).isEqualTo(22);
        assertThat(stat.reapedChildrenUserTicks()).isEqualTo(33);
        assertThat(stat.reapedChildrenSystemTicks()).isEqualTo(44);
    }

    @Test
    void aTruncatedLineIsRefused() {
        assertThatThrownBy(() -> ProcStat.parse("42 (java) S 1 42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too few fields");
        assertThatThrownBy(() -> ProcStat.parse("no parentheses here")).isInstanceOf(IllegalArgumentException.class);
    }
}
