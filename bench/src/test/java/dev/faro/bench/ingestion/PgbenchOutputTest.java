package dev.faro.bench.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PgbenchOutputTest {

    @Test
    void readsTpsLatencyAndTransactionsOfARealRun() throws IOException {
        PgbenchOutput output = PgbenchOutput.parse(fixture("pgbench-15.out"));

        assertThat(output.tps()).isEqualTo(5341.075987);
        assertThat(output.latencyAverageMillis()).isEqualTo(11.983);
        assertThat(output.transactions()).isEqualTo(31846);
        assertThat(output.failed()).isZero();
    }

    @Test
    void anOutputWithoutTpsIsRefusedWithTheOutput() {
        assertThatThrownBy(() -> PgbenchOutput.parse("pgbench: error: connection to server failed\n"))
                .hasMessageContaining("no tps")
                .hasMessageContaining("connection to server failed");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = PgbenchOutputTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
