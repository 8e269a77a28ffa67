package dev.faro.bench.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProducerPerformanceRunTest {

    @Test
    void asksForTheRelaysDeliveryGuaranteesAndUnlimitedThroughput() {
        ProducerPerformanceRun run = new ProducerPerformanceRun("127.0.0.1:9092", Path.of("unused"));

        assertThat(run.toolArguments("bench.producer", 10_000, 1234))
                .containsSequence("--topic", "bench.producer")
                .containsSequence("--num-records", "10000")
                .containsSequence("--record-size", "1234")
                .containsSequence("--throughput", "-1")
                .containsSequence(
                        "--producer-props",
                        "bootstrap.servers=127.0.0.1:9092",
                        "acks=all",
                        "enable.idempotence=true",
                        "linger.ms=5");
    }
}
