package dev.faro.bench.footprint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SamplesCsvTest {

    @Test
    void oneLinePerStartAfterTheHeader() {
        String csv = SamplesCsv.write(List.of(
                new StartupSample("bare-app", 1, 1850, 150_000), new StartupSample("lead-service", 1, 4210, 260_100)));

        assertThat(csv)
                .isEqualTo(
                        "target,round,first_request_ms,rss_kib\nbare-app,1,1850,150000\nlead-service,1,4210,260100\n");
    }
}
