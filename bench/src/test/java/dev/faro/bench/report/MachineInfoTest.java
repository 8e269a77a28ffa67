package dev.faro.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MachineInfoTest {

    @Test
    void readsMemTotalInMiB() {
        List<String> meminfo =
                List.of("MemTotal:       24614620 kB", "MemFree:         1234567 kB", "MemAvailable:   20000000 kB");

        assertThat(MachineInfo.memTotalMiB(meminfo)).hasValue(24037);
    }

    @Test
    void withoutMemTotalTheMemoryIsUnknown() {
        assertThat(MachineInfo.memTotalMiB(List.of("MemFree: 1 kB"))).isEmpty();
    }

    @Test
    void describesTheCurrentMachine() {
        MachineInfo machine = MachineInfo.current();

        assertThat(machine.cores()).isPositive();
        assertThat(machine.jdk()).contains(System.getProperty("java.runtime.version"));
    }
}
