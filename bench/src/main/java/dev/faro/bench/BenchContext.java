package dev.faro.bench;

import dev.faro.local.launcher.FaroService;
import dev.faro.local.launcher.StackConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a benchmark needs to reach the running stack and where it keeps its raw output.
 *
 * @param stack the running stack's configuration (ports, state directory, repository root)
 * @param rawOutput this benchmark's folder under docs/benchmarks/, created for it
 * @param quick a short run (seconds instead of a minute) to check the harness, not to publish figures
 * @param adminToken a bearer token with the admin and marketer roles
 */
public record BenchContext(StackConfig stack, Path rawOutput, boolean quick, String adminToken) {

    public URI serviceUrl(FaroService service) {
        return URI.create("http://127.0.0.1:" + stack.port(service));
    }

    /** JDBC URL of a service's database; its user and password are the database's name. */
    public String jdbcUrl(FaroService service) {
        return "jdbc:postgresql://127.0.0.1:" + stack.postgresPort() + "/" + service.database();
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + stack.kafkaPort();
    }

    /** {@code full} for a publishable run, a tenth of it (at least 5 s) for a quick one. */
    public Duration duration(Duration full) {
        if (!quick) {
            return full;
        }
        Duration tenth = full.dividedBy(10);
        return tenth.compareTo(Duration.ofSeconds(5)) < 0 ? Duration.ofSeconds(5) : tenth;
    }
}
