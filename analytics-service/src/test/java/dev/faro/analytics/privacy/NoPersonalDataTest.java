package dev.faro.analytics.privacy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.faro.contract.EventType;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.GoldenEvents;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import dev.faro.local.testing.TestTokens;
import dev.faro.support.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Analytics counts; it never learns who. Its privacy endpoint says so, and its schema proves it. */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_analytics"))
class NoPersonalDataTest {

    /** Columns that would hold something about a person, as the other services name them. */
    private static final Set<String> PERSONAL_COLUMNS = Set.of(
            "lead_id", "email", "name", "phone", "company", "visitor_id", "truncated_ip", "user_agent", "referrer");

    /** The shared plumbing every service has; the rest of the schema is the funnel's. */
    private static final Set<String> SHARED_TABLES =
            Set.of("flyway_schema_history", "outbox_event", "processed_event", "campaign_view");

    /**
     * The tables keyed by lead id, a random UUID and nothing else about the person: where each lead came from, so
     * its later events count there, and what the funnel counted for it, so a reconciliation can compare the funnel
     * with the other services lead by lead. Erasing the lead deletes its rows from each (checked below).
     */
    private static final Set<String> LEAD_KEYED = Set.of("lead_attribution", "lead_counted");
    /** Marketers' work addresses (Faro's users, not leads) that the digests go to. */
    private static final Set<String> USER_SETTINGS = Set.of("digest_subscriber");
    /** Operators' records about the service itself: the rebuild runs, identified by a random run id. */
    private static final Set<String> OPERATIONS = Set.of("rebuild_run");

    @Inject
    EntityManager entityManager;

    @Test
    void thePrivacyEndpointStatesThatNothingIsHeldOnALeadItNeverSaw() {
        UUID leadId = UUID.randomUUID();

        given().header("Authorization", TestTokens.bearer(Roles.ADMIN))
                .get("/api/privacy/leads/{id}", leadId)
                .then()
                .statusCode(200)
                .body("leadId", equalTo(leadId.toString()))
                .body("holdsPersonalData", equalTo(false))
                .body("statement", containsString("holds no personal data"))
                .body("attribution", nullValue());
    }

    @Test
    void onlyAnAdminMayAsk() {
        UUID leadId = UUID.randomUUID();

        given().get("/api/privacy/leads/{id}", leadId)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", TestTokens.bearer(Roles.MARKETER))
                .get("/api/privacy/leads/{id}", leadId)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void theFunnelTablesHaveNoColumnThatCouldHoldALeadIdOrAnAddress() {
        List<Object[]> funnelColumns = columns().stream()
                .filter(column -> !SHARED_TABLES.contains((String) column[0]))
                .filter(column -> !LEAD_KEYED.contains((String) column[0]))
                .filter(column -> !USER_SETTINGS.contains((String) column[0]))
                .filter(column -> !OPERATIONS.contains((String) column[0]))
                .toList();

        assertThat(funnelColumns).as("funnel columns").isNotEmpty();
        assertThat(funnelColumns).as("the fact table").anyMatch(column -> "funnel_fact".equals(column[0]));
        assertThat(funnelColumns)
                .as("columns named for personal data")
                .noneMatch(column -> PERSONAL_COLUMNS.contains((String) column[1]));
        // Lead ids are UUIDs: a funnel table without a uuid column cannot hold one, whatever the column is called.
        assertThat(funnelColumns).as("uuid columns").noneMatch(column -> "uuid".equals(column[2]));
    }

    @Test
    void everyTableKeyedByLeadLosesTheLeadsRowsWhenTheLeadIsErased() {
        assertThat(columns())
                .as("tables with a lead_id column")
                .filteredOn(column -> "lead_id".equals(column[1]))
                .extracting(column -> (String) column[0])
                .containsExactlyInAnyOrderElementsOf(LEAD_KEYED);
        TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
        UUID leadId = UUID.randomUUID();
        String campaign = "np-" + leadId.toString().substring(0, 8);
        Map<String, Object> lead = Map.of("campaign", campaign, "leadId", leadId);
        kafka.publish(leadId.toString(), GoldenEvents.fresh(EventType.LEAD_CAPTURED, lead));
        kafka.publish(leadId.toString(), GoldenEvents.fresh(EventType.LEAD_CONFIRMED, lead));

        await("rows of lead " + leadId)
                .atMost(Duration.ofSeconds(30))
                .until(() -> tablesHolding(leadId), equalTo(LEAD_KEYED));

        kafka.publish(
                leadId.toString(),
                GoldenEvents.fresh(
                        EventType.LEAD_ERASED,
                        Map.of("campaign", campaign, "leadId", leadId, "reason", "admin-request")));

        await("rows of erased lead " + leadId)
                .atMost(Duration.ofSeconds(30))
                .until(() -> tablesHolding(leadId), equalTo(Set.of()));
    }

    private Set<String> tablesHolding(UUID leadId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Set<String> holding = new HashSet<>();
            for (String table : LEAD_KEYED) {
                boolean any = !entityManager
                        .createNativeQuery("select 1 from " + table + " where lead_id = :lead")
                        .setParameter("lead", leadId)
                        .getResultList()
                        .isEmpty();
                if (any) {
                    holding.add(table);
                }
            }
            return holding;
        });
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> columns() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery(
                        """
                        select c.table_name, c.column_name, c.data_type
                        from information_schema.columns c
                        join information_schema.tables t
                          on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                        order by c.table_name, c.ordinal_position
                        """)
                .getResultList());
    }
}
