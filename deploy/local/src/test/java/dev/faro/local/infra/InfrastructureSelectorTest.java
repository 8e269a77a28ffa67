package dev.faro.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faro.local.infra.InfrastructureChoice.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class InfrastructureSelectorTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier MUST_NOT_ASK = () -> {
        throw new AssertionError("Docker was probed although the environment already decided");
    };

    @Test
    void allEndpointVariablesSelectExternalWithoutProbingDocker() {
        InfrastructureChoice choice = InfrastructureSelector.select(fullEndpoints(), MUST_NOT_ASK);

        assertThat(choice.kind()).isEqualTo(Kind.EXTERNAL);
        assertThat(choice.external())
                .isEqualTo(new ExternalEndpoints(
                        "jdbc:postgresql://db:5432/postgres",
                        "admin",
                        "",
                        "kafka:9092",
                        "mail",
                        3025,
                        "http://mail:8080"));
    }

    @Test
    void noVariablesAndDockerSelectContainers() {
        assertThat(InfrastructureSelector.select(Map.of(), DOCKER).kind()).isEqualTo(Kind.CONTAINERS);
    }

    @Test
    void noVariablesAndNoDockerSelectEmbedded() {
        assertThat(InfrastructureSelector.select(Map.of(), NO_DOCKER).kind()).isEqualTo(Kind.EMBEDDED);
    }

    @Test
    void onlyKafkaGivenIsAnErrorNamingWhatIsMissing() {
        Map<String, String> env = Map.of(InfrastructureSelector.KAFKA_BOOTSTRAP, "kafka:9092");

        assertThatThrownBy(() -> InfrastructureSelector.select(env, MUST_NOT_ASK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing [FARO_TEST_JDBC_URL, FARO_TEST_DB_USER, FARO_TEST_DB_PASSWORD, "
                        + "FARO_TEST_SMTP_HOST, FARO_TEST_SMTP_PORT, FARO_TEST_INBOX_URL]");
    }

    @Test
    void blankEndpointValuesCountAsUnset() {
        Map<String, String> env = Map.of(InfrastructureSelector.SMTP_HOST, "  ");

        assertThat(InfrastructureSelector.select(env, NO_DOCKER).kind()).isEqualTo(Kind.EMBEDDED);
    }

    @Test
    void emptyPasswordIsAValidSetting() {
        Map<String, String> env = fullEndpoints();
        env.put(InfrastructureSelector.DB_PASSWORD, "");

        assertThat(InfrastructureSelector.select(env, MUST_NOT_ASK).external().adminPassword())
                .isEmpty();
    }

    @Test
    void nonNumericSmtpPortIsAnError() {
        Map<String, String> env = fullEndpoints();
        env.put(InfrastructureSelector.SMTP_PORT, "smtp");

        assertThatThrownBy(() -> InfrastructureSelector.select(env, MUST_NOT_ASK))
                .hasMessageContaining("FARO_TEST_SMTP_PORT=smtp is not a port number");
    }

    @Test
    void explicitEmbeddedWinsOverDockerAndEndpoints() {
        Map<String, String> env = fullEndpoints();
        env.put(InfrastructureSelector.MODE, "Embedded");

        assertThat(InfrastructureSelector.select(env, MUST_NOT_ASK).kind()).isEqualTo(Kind.EMBEDDED);
    }

    @Test
    void explicitContainersWithoutDockerIsAnError() {
        Map<String, String> env = Map.of(InfrastructureSelector.MODE, "containers");

        assertThatThrownBy(() -> InfrastructureSelector.select(env, NO_DOCKER))
                .hasMessageContaining("no Docker engine answers");
    }

    @Test
    void explicitExternalWithoutEndpointsIsAnError() {
        Map<String, String> env = Map.of(InfrastructureSelector.MODE, "external");

        assertThatThrownBy(() -> InfrastructureSelector.select(env, DOCKER)).hasMessageContaining("missing [");
    }

    @Test
    void unknownModeIsAnError() {
        Map<String, String> env = Map.of(InfrastructureSelector.MODE, "kubernetes");

        assertThatThrownBy(() -> InfrastructureSelector.select(env, DOCKER))
                .hasMessageContaining("not one of external, containers, embedded");
    }

    private static Map<String, String> fullEndpoints() {
        Map<String, String> env = new HashMap<>();
        env.put(InfrastructureSelector.JDBC_URL, "jdbc:postgresql://db:5432/postgres");
        env.put(InfrastructureSelector.DB_USER, "admin");
        env.put(InfrastructureSelector.DB_PASSWORD, "");
        env.put(InfrastructureSelector.KAFKA_BOOTSTRAP, "kafka:9092");
        env.put(InfrastructureSelector.SMTP_HOST, "mail");
        env.put(InfrastructureSelector.SMTP_PORT, "3025");
        env.put(InfrastructureSelector.INBOX_URL, "http://mail:8080");
        env.put("PATH", "/usr/bin");
        return env;
    }
}
