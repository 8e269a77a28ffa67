package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The claim stays cheap only while the dead entries of send_ledger_due are vacuumed away often (see V15). */
@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class SendLedgerVacuumTest {

    @Inject
    EntityManager entityManager;

    @Test
    void theLedgerIsVacuumedAfterAFixedNumberOfChangesIndexesIncluded() {
        @SuppressWarnings("unchecked")
        List<String> options = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select unnest(reloptions) from pg_class where relname = 'send_ledger'")
                .getResultList());

        assertThat(options)
                .containsExactlyInAnyOrder(
                        "autovacuum_vacuum_scale_factor=0",
                        "autovacuum_vacuum_threshold=2000",
                        "vacuum_index_cleanup=on");
    }
}
