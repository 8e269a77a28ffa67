package dev.faro.local.infra;

/**
 * Infrastructure someone else runs, as the test environment names it.
 *
 * @param adminJdbcUrl a database on the server reachable with the admin credentials, e.g. {@code .../postgres}
 * @param adminUser a role allowed to create roles and databases
 * @param inboxUrl base URL of a GreenMail-standalone-compatible REST API (GET /api/user, POST /api/mail/purge, ...)
 */
public record ExternalEndpoints(
        String adminJdbcUrl,
        String adminUser,
        String adminPassword,
        String kafkaBootstrap,
        String smtpHost,
        int smtpPort,
        String inboxUrl) {}
