package dev.faro.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.contract.events.Unsubscribed;
import dev.faro.email.sending.MailCategory;
import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class SuppressedAddressesTest {

    @Inject
    SuppressionList suppressions;

    @Inject
    SuppressedAddresses addresses;

    @Inject
    EntityManager entityManager;

    @Test
    void theListKeepsAKeyedHashAndNeverTheAddress() {
        String email = "Baja-" + UUID.randomUUID() + "@Example.org";

        suppressions.add(email, Unsubscribed.SCOPE_ALL, SuppressionReason.UNSUBSCRIBED);

        List<String> stored = keysMatching(addresses.key(email));
        assertThat(stored).containsExactly(addresses.key(email.toLowerCase()));
        assertThat(stored.get(0)).matches("[0-9a-f]{64}").doesNotContainIgnoringCase("example");
        assertThat(keysMatching(email.toLowerCase())).isEmpty();
        assertThat(suppressions.refusal(UUID.randomUUID(), "demo", "  " + email.toUpperCase(), MailCategory.REQUESTED))
                .contains("suppressed: unsubscribed");
    }

    @Test
    void anAddressStoredInClearBeforeHashingIsHashedAndStillSuppressed() {
        String email = "antigua-" + UUID.randomUUID() + "@example.org";
        // As a row from before V13: the check that refuses such rows now is lifted around the insert, in one
        // transaction, so no other test can see the table without it.
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery("alter table suppression drop constraint suppression_address_is_hash")
                    .executeUpdate();
            entityManager
                    .createNativeQuery("insert into suppression (address_hash, scope, reason)"
                            + " values (:address, 'all', 'complained')")
                    .setParameter("address", email)
                    .executeUpdate();
            entityManager
                    .createNativeQuery("alter table suppression add constraint suppression_address_is_hash"
                            + " check (address_hash ~ '^[0-9a-f]{64}$') not valid")
                    .executeUpdate();
        });

        QuarkusTransaction.requiringNew().run(() -> addresses.hashAddressesStoredInClear(null));

        assertThat(keysMatching(email)).isEmpty();
        assertThat(keysMatching(addresses.key(email))).hasSize(1);
        assertThat(suppressions.refusal(UUID.randomUUID(), "demo", email, MailCategory.REQUESTED))
                .contains("suppressed: complained");
    }

    @SuppressWarnings("unchecked")
    private List<String> keysMatching(String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select address_hash from suppression where address_hash = :key")
                .setParameter("key", key)
                .getResultList());
    }
}
