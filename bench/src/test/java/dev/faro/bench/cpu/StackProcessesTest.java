package dev.faro.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faro.bench.StackPids;
import java.util.List;
import org.junit.jupiter.api.Test;

class StackProcessesTest {

    private static final String PIDS = "supervisor 2182\npostgres 2226\nkafka 2245\nlead-service 2359\n"
            + "incentive-service 2362\nemail-service 2364\nanalytics-service 2370\n";

    @Test
    void everyProcessOfTheStackAndTheBenchItselfAreMeasured() {
        List<MeasuredProcess> processes = StackProcesses.of(StackPids.parse(PIDS), 9999);

        assertThat(processes)
                .extracting(MeasuredProcess::name)
                .containsExactly(
                        "lead-service",
                        "incentive-service",
                        "email-service",
                        "analytics-service",
                        StackProcesses.KAFKA,
                        StackProcesses.POSTGRES,
                        StackProcesses.SUPERVISOR,
                        StackProcesses.BENCH);
        assertThat(processes.get(0).pid()).isEqualTo(2359);
        assertThat(processes.get(7).pid()).isEqualTo(9999);
    }

    @Test
    void postgresCountsItsBackendsAndOnlyJvmsHaveJitThreads() {
        List<MeasuredProcess> processes = StackProcesses.of(StackPids.parse(PIDS), 9999);

        assertThat(processes)
                .filteredOn(p -> p.name().equals(StackProcesses.POSTGRES))
                .singleElement()
                .satisfies(postgres -> {
                    assertThat(postgres.pid()).isEqualTo(2226);
                    assertThat(postgres.accounting()).isEqualTo(Accounting.WITH_CHILDREN);
                    assertThat(postgres.jvm()).isFalse();
                });
        assertThat(processes)
                .filteredOn(p -> !p.name().equals(StackProcesses.POSTGRES))
                .allSatisfy(p -> {
                    assertThat(p.accounting()).isEqualTo(Accounting.OWN);
                    assertThat(p.jvm()).isTrue();
                });
    }

    @Test
    void pgbenchIsTheBenchJvmsReapedChildren() {
        List<MeasuredProcess> processes = StackProcesses.withPgbench(StackProcesses.of(StackPids.parse(PIDS), 9999));

        MeasuredProcess pgbench = processes.get(processes.size() - 1);
        assertThat(pgbench.name()).isEqualTo(StackProcesses.PGBENCH);
        assertThat(pgbench.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(pgbench.accounting()).isEqualTo(Accounting.REAPED_CHILDREN);
    }

    @Test
    void aMissingEntryIsAnError() {
        assertThatThrownBy(() -> StackProcesses.of(StackPids.parse("supervisor 1\npostgres 2\n"), 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no pid for lead-service");
    }
}
