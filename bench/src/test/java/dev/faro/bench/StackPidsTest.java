package dev.faro.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StackPidsTest {

    @Test
    void pidFileHasOneNameAndPidPerLine() {
        String pids = "supervisor 100\npostgres 101\nkafka 102\nlead-service 103\nbroken line here\n";

        assertThat(StackPids.parse(pids))
                .containsEntry("supervisor", 100L)
                .containsEntry("lead-service", 103L)
                .hasSize(4);
    }
}
