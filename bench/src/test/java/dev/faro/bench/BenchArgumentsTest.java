package dev.faro.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchArgumentsTest {

    private static final List<String> KNOWN = List.of("footprint", "ingestion", "publication", "rebuild");

    @Test
    void withoutNamesRunsEverythingInOrder() {
        BenchArguments arguments = BenchArguments.parse(List.of(), KNOWN);

        assertThat(arguments.quick()).isFalse();
        assertThat(arguments.names()).isEqualTo(KNOWN);
    }

    @Test
    void namedBenchmarksRunInTheHarnessOrderOnce() {
        BenchArguments arguments = BenchArguments.parse(List.of("rebuild", "--quick", "ingestion", "rebuild"), KNOWN);

        assertThat(arguments.quick()).isTrue();
        assertThat(arguments.names()).containsExactly("ingestion", "rebuild");
    }

    @Test
    void anUnknownNameOrOptionIsRefusedWithWhatExists() {
        assertThatThrownBy(() -> BenchArguments.parse(List.of("ingest"), KNOWN))
                .hasMessage("no benchmark named ingest; this build has: footprint, ingestion, publication, rebuild");
        assertThatThrownBy(() -> BenchArguments.parse(List.of("--full"), KNOWN))
                .hasMessageStartingWith("unknown option --full");
    }

    @Test
    void helpIsAnOption() {
        assertThat(BenchArguments.parse(List.of("--help"), KNOWN).help()).isTrue();
    }
}
