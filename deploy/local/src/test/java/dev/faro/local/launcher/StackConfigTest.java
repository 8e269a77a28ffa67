package dev.faro.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackConfigTest {

    @Test
    void defaultsAreTheDocumentedPortsAndStateInDotFaro() {
        StackConfig config = StackConfig.defaults(Path.of("/repo"));

        assertThat(config.stateDir()).isEqualTo(Path.of("/repo/.faro"));
        assertThat(config.portOwners())
                .containsEntry(15432, "PostgreSQL")
                .containsEntry(9092, "Kafka")
                .containsEntry(2525, "SMTP")
                .containsEntry(8025, "inbox web page")
                .containsEntry(8081, "lead-service")
                .containsEntry(8084, "analytics-service");
        assertThat(config.serviceJar(FaroService.EMAIL))
                .isEqualTo(Path.of("/repo/email-service/target/quarkus-app/quarkus-run.jar"));
        assertThat(FaroService.ANALYTICS.database()).isEqualTo("faro_analytics");
        assertThat(FaroService.LEAD.publicUrlVariable()).isEqualTo("FARO_PUBLIC_URL_LEAD");
    }

    @Test
    void freePortsAreAllDistinctAndTheRepositoryIsFoundAbove() {
        StackConfig config = StackConfig.withFreePorts(Path.of("/tmp/state"));

        assertThat(config.portOwners()).hasSize(9);
        assertThat(config.repoRoot().resolve("faro")).exists();
    }
}
