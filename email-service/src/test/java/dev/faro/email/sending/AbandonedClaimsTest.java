package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.email.LeadEvents;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Another email-service instance is played by a plain connection: while it holds a liveness lock of its own, its
 * claims are its own; closed, it is an instance that died (PostgreSQL drops a session's locks when its connection
 * goes, as when the process is killed). This application's {@link AbandonedClaims} does the taking back.
 */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class AbandonedClaimsTest {

    /** The grace (15 s by default), one pass of the reclaimer (5 s) and a send, with room to spare. */
    private static final Duration TAKEN_BACK_WITHIN = Duration.ofSeconds(60);

    @Inject
    EntityManager entityManager;

    @Inject
    SenderLiveness liveness;

    @Inject
    EmailConfig config;

    @TestHTTPResource("/q/health/well")
    URI wellness;

    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Test
    void aMessageClaimedByAnInstanceThatDiedIsSentLongBeforeItsLeaseWithItsMessageId() {
        LeadEvents lead = LeadEvents.fresh();
        String messageId = SendLedger.messageId("incentive", 0, lead.leadId());
        int deadInstance = liveness.key() ^ 1;
        QuarkusTransaction.requiringNew().run(() -> {
            LedgerRows.contact(entityManager, lead);
            LedgerRows.claimedIncentive(entityManager, lead, deadInstance, messageId);
        });

        InboxMessage email = await().atMost(TAKEN_BACK_WITHIN)
                .until(() -> inbox.messagesTo(lead.email()), received -> !received.isEmpty())
                .get(0);

        assertThat(email.messageId()).isEqualTo(messageId);
        assertThat(email.text()).contains("HUERFANO-0001");
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(row(lead)[0]));
        Object[] row = row(lead);
        assertThat(((Number) row[1]).intValue()).as("attempts").isEqualTo(2);
        assertThat(row[2]).as("claimed by").isEqualTo(liveness.key());
        assertThat(inbox.messagesTo(lead.email())).hasSize(1);
    }

    @Test
    void aMessageClaimedByAnInstanceThatStillRunsStaysItsOwnUntilThatInstanceIsGone() throws Exception {
        LeadEvents lead = LeadEvents.fresh();
        String messageId = SendLedger.messageId("incentive", 0, lead.leadId());
        int otherInstance = liveness.key() ^ 2;
        try (Connection other = otherInstanceHoldingItsLock(otherInstance)) {
            QuarkusTransaction.requiringNew().run(() -> {
                LedgerRows.contact(entityManager, lead);
                LedgerRows.claimedIncentive(entityManager, lead, otherInstance, messageId);
            });

            Duration severalPasses = config.sending().deadSenderGrace().plusSeconds(10);
            await().during(severalPasses)
                    .atMost(severalPasses.plusSeconds(10))
                    .until(() -> "attempting".equals(row(lead)[0])
                            && inbox.messagesTo(lead.email()).isEmpty());
        }

        List<InboxMessage> received = await().atMost(TAKEN_BACK_WITHIN)
                .until(() -> inbox.messagesTo(lead.email()), messages -> !messages.isEmpty());
        assertThat(received).hasSize(1);
        assertThat(received.get(0).messageId()).isEqualTo(messageId);
        await().atMost(Duration.ofSeconds(10)).until(() -> "sent".equals(row(lead)[0]));
    }

    @Test
    void theLivenessLockIsTakenAgainOnANewConnectionWhenItsConnectionIsLost() {
        await().atMost(Duration.ofSeconds(10)).until(liveness::held);
        int holder = lockHolder();

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("select pg_terminate_backend(:pid)")
                .setParameter("pid", holder)
                .getSingleResult());

        await().atMost(Duration.ofSeconds(15)).until(() -> lockHolder() > 0 && lockHolder() != holder);
        assertThat(liveness.held()).isTrue();
        assertThat(liveness.heldFor(config.sending().deadSenderGrace()))
                .as("held without a break for the grace, so judging the others")
                .isFalse();
    }

    @Test
    void whileAnotherSessionHoldsItsKeyTheSendersClaimNothingAndTheHealthCheckSaysSo() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(liveness::held);
        assertThat(livenessCheck()).isEqualTo("UP");
        LeadEvents lead = LeadEvents.fresh();
        // The database has not seen an old session of this instance die: it still holds the key when the instance
        // connects again.
        try (Connection oldSession = connection()) {
            QuarkusTransaction.requiringNew().run(() -> entityManager
                    .createNativeQuery("select pg_terminate_backend(:pid)")
                    .setParameter("pid", lockHolder())
                    .getSingleResult());
            lock(oldSession, liveness.key());
            await().atMost(Duration.ofSeconds(10)).until(() -> !liveness.held());
            assertThat(livenessCheck()).isEqualTo("DOWN");

            QuarkusTransaction.requiringNew().run(() -> {
                LedgerRows.contact(entityManager, lead);
                LedgerRows.pendingIncentive(
                        entityManager, lead, "{\"code\": \"PAUSA-0001\", \"discountPercent\": 15}", Instant.now());
            });
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> "pending"
                    .equals(row(lead)[0]));
        }

        await().atMost(Duration.ofSeconds(15)).until(liveness::held);
        assertThat(livenessCheck()).isEqualTo("UP");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> inbox.messagesTo(lead.email()).size() == 1);
    }

    /** The status of the liveness check in {@code /q/health/well}. */
    private String livenessCheck() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(wellness).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode check = StreamSupport.stream(
                        new ObjectMapper()
                                .readTree(response.body())
                                .path("checks")
                                .spliterator(),
                        false)
                .filter(c -> c.path("name").asText().equals(SenderLivenessHealth.NAME))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no liveness check in " + response.body()));
        assertThat(check.at("/data/key").asInt()).isEqualTo(liveness.key());
        return check.path("status").asText();
    }

    /** The server process whose session holds this application's liveness lock, or 0 when none does. */
    private int lockHolder() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                        .createNativeQuery(
                                """
                                select coalesce(max(pid), 0) from pg_locks
                                where locktype = 'advisory' and classid = :namespace and objid = :key
                                  and objsubid = 2 and granted
                                """)
                        .setParameter("namespace", SenderLiveness.LOCK_NAMESPACE)
                        .setParameter("key", liveness.key())
                        .getSingleResult())
                .intValue());
    }

    private static Connection otherInstanceHoldingItsLock(int key) throws Exception {
        Connection connection = connection();
        lock(connection, key);
        return connection;
    }

    private static Connection connection() throws Exception {
        return DriverManager.getConnection(
                TestInfrastructure.current().jdbcUrl("faro_email"), "faro_email", "faro_email");
    }

    /** Takes the liveness lock named {@code key} on that connection, waiting for whoever holds it. */
    private static void lock(Connection connection, int key) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_lock(?, ?)")) {
            lock.setInt(1, SenderLiveness.LOCK_NAMESPACE);
            lock.setInt(2, key);
            lock.execute();
        }
    }

    /** Status, attempts and claiming instance of the lead's incentive email. */
    private Object[] row(LeadEvents lead) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("select status, attempts, claimed_by from send_ledger where lead_id = :leadId")
                .setParameter("leadId", lead.leadId())
                .getSingleResult());
    }
}
