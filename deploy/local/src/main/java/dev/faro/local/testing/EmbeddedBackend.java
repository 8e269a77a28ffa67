package dev.faro.local.testing;

import dev.faro.local.infra.ExternalEndpoints;
import dev.faro.local.infra.FreePorts;
import dev.faro.local.infra.InProcessKafka;
import dev.faro.local.infra.InboxHttpServer;
import dev.faro.local.infra.KafkaSettings;
import dev.faro.local.infra.LocalPostgres;
import dev.faro.local.infra.PostgresSettings;
import dev.faro.local.infra.SmtpSink;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** PostgreSQL (a child process), Kafka, SMTP and the web inbox, all for this test JVM, on free ports. */
final class EmbeddedBackend {

    private EmbeddedBackend() {}

    static StartedInfrastructure start(Path workDirectory) {
        List<Integer> ports = FreePorts.find(5);
        // PostgreSQL and Kafka start side by side; together they are most of a test JVM's start-up time.
        CompletableFuture<LocalPostgres> postgresStart =
                CompletableFuture.supplyAsync(() -> LocalPostgres.start(new PostgresSettings(
                        workDirectory.resolve("postgres"),
                        ports.get(0),
                        false,
                        workDirectory.resolve("postgres.log"))));
        InProcessKafka kafka;
        try {
            kafka = InProcessKafka.start(new KafkaSettings(workDirectory.resolve("kafka"), ports.get(1), ports.get(2)));
        } catch (RuntimeException e) {
            postgresStart.thenAccept(LocalPostgres::close);
            throw e;
        }
        LocalPostgres postgres;
        try {
            postgres = postgresStart.join();
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        SmtpSink smtp = SmtpSink.start(ports.get(3));
        InboxHttpServer inbox = InboxHttpServer.start(smtp, ports.get(4));
        ExternalEndpoints endpoints = new ExternalEndpoints(
                postgres.adminJdbcUrl(),
                LocalPostgres.ADMIN_USER,
                "",
                kafka.bootstrapServers(),
                smtp.host(),
                smtp.port(),
                "http://127.0.0.1:" + inbox.port());
        // PostgreSQL first: it is the one process that outlives this JVM if nobody stops it.
        AutoCloseable resources = () -> Closing.all(postgres, inbox, smtp, kafka);
        return new StartedInfrastructure(endpoints, StartedInfrastructure.FARO_INBOX, resources);
    }
}
