package dev.faro.local.testing;

import dev.faro.local.auth.RsaKeys;
import dev.faro.local.infra.ExternalEndpoints;
import dev.faro.local.infra.InfrastructureChoice;
import dev.faro.local.infra.InfrastructureSelector;
import dev.faro.local.infra.KafkaAdmin;
import dev.faro.local.infra.QuietLogging;
import java.nio.file.Path;
import java.util.Locale;

/** Brings up the infrastructure the environment selects, creates the topics, and arranges its stop at JVM exit. */
final class InfrastructureBoot {

    private InfrastructureBoot() {}

    static TestInfrastructure start() {
        QuietLogging.apply();
        InfrastructureChoice choice = InfrastructureSelector.select(System.getenv(), DockerProbe::isDockerAvailable);
        Path workDirectory = TestWorkDirectory.create();
        Path jwt = workDirectory.resolve("jwt");
        StartedInfrastructure started;
        try {
            RsaKeys.generate().write(jwt);
            started = switch (choice.kind()) {
                case EMBEDDED -> EmbeddedBackend.start(workDirectory);
                case CONTAINERS -> ContainerBackend.start();
                case EXTERNAL -> external(choice.external());
            };
        } catch (RuntimeException e) {
            TestWorkDirectory.delete(workDirectory);
            throw e;
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            Closing.all(started.resources());
                            TestWorkDirectory.delete(workDirectory);
                        },
                        "faro-test-infrastructure-stop"));
        KafkaAdmin.createTopics(started.endpoints().kafkaBootstrap());
        return new TestInfrastructure(
                choice.kind().name().toLowerCase(Locale.ROOT),
                started.endpoints(),
                started.inboxApi(),
                jwt.resolve(RsaKeys.PUBLIC_FILE),
                jwt.resolve(RsaKeys.PRIVATE_FILE));
    }

    private static StartedInfrastructure external(ExternalEndpoints endpoints) {
        return new StartedInfrastructure(endpoints, StartedInfrastructure.GREENMAIL_INBOX, () -> {});
    }
}
