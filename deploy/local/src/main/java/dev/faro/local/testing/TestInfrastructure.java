package dev.faro.local.testing;

import dev.faro.local.infra.DatabaseAdmin;
import dev.faro.local.infra.ExternalEndpoints;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.JdbcUrls;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The infrastructure this test JVM uses, started on first use and stopped when the JVM exits.
 *
 * <p>Its endpoints live in system properties ({@code faro.test.infra.*}) rather than in a static field: Quarkus loads
 * test resources and tests through several class loaders (and new ones when a test profile restarts the app), and each
 * would otherwise see its own, empty, static field and start a second PostgreSQL and Kafka.
 */
public final class TestInfrastructure {

    /** The issuer of {@link TestTokens}; services' tests verify {@code mp.jwt.verify.issuer} against it. */
    public static final String JWT_ISSUER = "faro-test";

    private static final String PREFIX = "faro.test.infra.";
    // A string literal is one object per JVM whatever the class loader: the lock every copy of this class shares.
    private static final String JVM_WIDE_LOCK = "dev.faro.local.testing.TestInfrastructure#start";

    private final String kind;
    private final ExternalEndpoints endpoints;
    private final String inboxApi;
    private final Path jwtPublicKey;
    private final Path jwtPrivateKey;

    TestInfrastructure(
            String kind, ExternalEndpoints endpoints, String inboxApi, Path jwtPublicKey, Path jwtPrivateKey) {
        this.kind = kind;
        this.endpoints = endpoints;
        this.inboxApi = inboxApi;
        this.jwtPublicKey = jwtPublicKey;
        this.jwtPrivateKey = jwtPrivateKey;
    }

    /** Starts the infrastructure if this JVM has none yet (see {@code InfrastructureSelector} for which). */
    public static TestInfrastructure current() {
        synchronized (JVM_WIDE_LOCK) {
            if (System.getProperty(PREFIX + "kind") == null) {
                InfrastructureBoot.start().toProperties().forEach(System::setProperty);
            }
            return fromProperties();
        }
    }

    /** {@code embedded}, {@code containers} or {@code external}. */
    public String kind() {
        return kind;
    }

    public String adminJdbcUrl() {
        return endpoints.adminJdbcUrl();
    }

    public String adminUser() {
        return endpoints.adminUser();
    }

    public String adminPassword() {
        return endpoints.adminPassword();
    }

    public String jdbcUrl(String database) {
        return JdbcUrls.withDatabase(endpoints.adminJdbcUrl(), database);
    }

    /** Creates {@code database}, owned by a role of the same name whose password is also that name. */
    public void ensureDatabase(String database) {
        ensureDatabase(database, database, database);
    }

    public void ensureDatabase(String database, String user, String password) {
        DatabaseAdmin.ensureDatabase(adminJdbcUrl(), adminUser(), adminPassword(), database, user, password);
    }

    public String kafkaBootstrap() {
        return endpoints.kafkaBootstrap();
    }

    public String smtpHost() {
        return endpoints.smtpHost();
    }

    public int smtpPort() {
        return endpoints.smtpPort();
    }

    /** Base URL of the inbox's web API (faro-local's own, or GreenMail standalone's). */
    public URI inboxUrl() {
        return URI.create(endpoints.inboxUrl());
    }

    /** The mail received so far, across all tests of this JVM: clear it in {@code @BeforeEach} or filter by address. */
    public Inbox inbox() {
        return StartedInfrastructure.GREENMAIL_INBOX.equals(inboxApi)
                ? new GreenMailApiInbox(inboxUrl())
                : new FaroInboxClient(inboxUrl());
    }

    /** PEM file with the public key that verifies {@link TestTokens}. */
    public Path jwtPublicKey() {
        return jwtPublicKey;
    }

    Path jwtPrivateKey() {
        return jwtPrivateKey;
    }

    private Map<String, String> toProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(PREFIX + "kind", kind);
        p.put(PREFIX + "admin-jdbc-url", endpoints.adminJdbcUrl());
        p.put(PREFIX + "admin-user", endpoints.adminUser());
        p.put(PREFIX + "admin-password", endpoints.adminPassword());
        p.put(PREFIX + "kafka-bootstrap", endpoints.kafkaBootstrap());
        p.put(PREFIX + "smtp-host", endpoints.smtpHost());
        p.put(PREFIX + "smtp-port", String.valueOf(endpoints.smtpPort()));
        p.put(PREFIX + "inbox-url", endpoints.inboxUrl());
        p.put(PREFIX + "inbox-api", inboxApi);
        p.put(PREFIX + "jwt-public-key", jwtPublicKey.toString());
        p.put(PREFIX + "jwt-private-key", jwtPrivateKey.toString());
        return p;
    }

    private static TestInfrastructure fromProperties() {
        ExternalEndpoints endpoints = new ExternalEndpoints(
                property("admin-jdbc-url"),
                property("admin-user"),
                property("admin-password"),
                property("kafka-bootstrap"),
                property("smtp-host"),
                Integer.parseInt(property("smtp-port")),
                property("inbox-url"));
        return new TestInfrastructure(
                property("kind"),
                endpoints,
                property("inbox-api"),
                Path.of(property("jwt-public-key")),
                Path.of(property("jwt-private-key")));
    }

    private static String property(String name) {
        return System.getProperty(PREFIX + name);
    }
}
