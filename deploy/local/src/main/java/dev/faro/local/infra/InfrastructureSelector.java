package dev.faro.local.infra;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Chooses the tests' infrastructure from the environment, in this order:
 *
 * <ol>
 *   <li>{@code FARO_TEST_INFRASTRUCTURE} = {@code external}, {@code containers} or {@code embedded}, if set, decides;
 *   <li>otherwise, if any endpoint variable is set, all of them must be and those endpoints are used (a partial set is
 *       an error: mixing, say, a CI Kafka with an embedded PostgreSQL would test a setup nobody runs, and a typo in one
 *       name would silently fall back to embedded);
 *   <li>otherwise Testcontainers when a Docker engine answers;
 *   <li>otherwise everything embedded in the test JVM.
 * </ol>
 *
 * Endpoint variables: {@value #JDBC_URL}, {@value #DB_USER}, {@value #DB_PASSWORD} (may be empty), {@value
 * #KAFKA_BOOTSTRAP}, {@value #SMTP_HOST}, {@value #SMTP_PORT}, {@value #INBOX_URL}.
 */
public final class InfrastructureSelector {

    public static final String MODE = "FARO_TEST_INFRASTRUCTURE";
    public static final String JDBC_URL = "FARO_TEST_JDBC_URL";
    public static final String DB_USER = "FARO_TEST_DB_USER";
    public static final String DB_PASSWORD = "FARO_TEST_DB_PASSWORD";
    public static final String KAFKA_BOOTSTRAP = "FARO_TEST_KAFKA_BOOTSTRAP";
    public static final String SMTP_HOST = "FARO_TEST_SMTP_HOST";
    public static final String SMTP_PORT = "FARO_TEST_SMTP_PORT";
    public static final String INBOX_URL = "FARO_TEST_INBOX_URL";

    static final List<String> ENDPOINT_VARIABLES =
            List.of(JDBC_URL, DB_USER, DB_PASSWORD, KAFKA_BOOTSTRAP, SMTP_HOST, SMTP_PORT, INBOX_URL);

    private InfrastructureSelector() {}

    /**
     * @param dockerAvailable asked only when the choice depends on it, because probing Docker takes time and logs
     * @throws IllegalStateException when the environment asks for something contradictory or incomplete
     */
    public static InfrastructureChoice select(Map<String, String> env, BooleanSupplier dockerAvailable) {
        String mode = env.getOrDefault(MODE, "").trim().toLowerCase(Locale.ROOT);
        List<String> given =
                ENDPOINT_VARIABLES.stream().filter(name -> isSet(env, name)).toList();
        switch (mode) {
            case "external":
                return InfrastructureChoice.external(endpoints(env, given));
            case "containers":
                if (!dockerAvailable.getAsBoolean()) {
                    throw new IllegalStateException(MODE + "=containers, but no Docker engine answers");
                }
                return InfrastructureChoice.containers();
            case "embedded":
                return InfrastructureChoice.embedded();
            case "":
                break;
            default:
                throw new IllegalStateException(
                        MODE + "=" + env.get(MODE) + " is not one of external, containers, embedded");
        }
        if (!given.isEmpty()) {
            return InfrastructureChoice.external(endpoints(env, given));
        }
        return dockerAvailable.getAsBoolean() ? InfrastructureChoice.containers() : InfrastructureChoice.embedded();
    }

    private static ExternalEndpoints endpoints(Map<String, String> env, List<String> given) {
        List<String> missing = ENDPOINT_VARIABLES.stream()
                .filter(name -> !given.contains(name))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("External test infrastructure needs all of " + ENDPOINT_VARIABLES
                    + "; missing " + missing + ". Set them all, or none of them to use Testcontainers or the embedded"
                    + " infrastructure.");
        }
        return new ExternalEndpoints(
                env.get(JDBC_URL).trim(),
                env.get(DB_USER).trim(),
                env.get(DB_PASSWORD),
                env.get(KAFKA_BOOTSTRAP).trim(),
                env.get(SMTP_HOST).trim(),
                port(env.get(SMTP_PORT)),
                env.get(INBOX_URL).trim());
    }

    private static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        // An empty password is a real setting (trust authentication); an empty host is not.
        return value != null && (name.equals(DB_PASSWORD) || !value.isBlank());
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(SMTP_PORT + "=" + value + " is not a port number");
        }
    }
}
