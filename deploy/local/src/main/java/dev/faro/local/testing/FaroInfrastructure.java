package dev.faro.local.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Points a service's {@code @QuarkusTest}s at PostgreSQL, Kafka (with every contract topic) and an SMTP sink:
 *
 * <pre>
 * &#64;QuarkusTestResource(value = FaroInfrastructure.class,
 *         initArgs = &#64;ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_lead"))
 * </pre>
 *
 * The infrastructure is shared by the whole test JVM (see {@link TestInfrastructure}); this resource only makes sure
 * its database exists and hands Quarkus the configuration. Nothing uses a fixed port. Tokens from {@link TestTokens}
 * verify against the key it configures.
 */
public class FaroInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** Init arg: the service's database; its role has the same name and password. */
    public static final String DATABASE = "database";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get(DATABASE);
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException(
                    "FaroInfrastructure needs @ResourceArg(name = \"database\", value = \"faro_<service>\")");
        }
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.current();
        infrastructure.ensureDatabase(database);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(database));
        config.put("quarkus.datasource.username", database);
        config.put("quarkus.datasource.password", database);
        config.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrap());
        // Only for apps with the mailer: Quarkus warns about every quarkus.* key no extension claims.
        if (hasMailer()) {
            config.put("quarkus.mailer.host", infrastructure.smtpHost());
            config.put("quarkus.mailer.port", String.valueOf(infrastructure.smtpPort()));
            config.put("quarkus.mailer.mock", "false");
        }
        config.put(
                "mp.jwt.verify.publickey.location",
                infrastructure.jwtPublicKey().toString());
        // In test mode smallrye-jwt generates an in-memory key pair and configures it inline, which would win over the
        // location; NONE is smallrye-jwt's own "not set".
        config.put("mp.jwt.verify.publickey", "NONE");
        config.put("mp.jwt.verify.issuer", TestInfrastructure.JWT_ISSUER);
        config.put("quarkus.http.test-port", "0");
        return config;
    }

    private static boolean hasMailer() {
        String mailer = "io/quarkus/mailer/Mailer.class";
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return (context != null && context.getResource(mailer) != null)
                || FaroInfrastructure.class.getClassLoader().getResource(mailer) != null;
    }

    @Override
    public void stop() {
        // Shared with the other tests of this JVM; stopped by a shutdown hook.
    }
}
