package dev.faro.support.outbox;

import dev.faro.support.persistence.SqlTimestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of some record keys that wait in the outbox, for a reconciliation: an event that waits long after its
 * change committed is stuck (Kafka away, or the relay stopped), and the lead it belongs to is not lost but late.
 */
@ApplicationScoped
public class UnsentEvents {

    private final EntityManager entityManager;

    public UnsentEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The unsent events of each of {@code keys} that has any, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, List<UnsentEvent>> of(Collection<String> keys) {
        Map<String, List<UnsentEvent>> unsent = new LinkedHashMap<>();
        if (keys.isEmpty()) {
            return unsent;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select record_key, event_type, created_at from outbox_event
                        where sent_at is null and record_key in (:keys)
                        order by seq
                        """)
                .setParameter("keys", List.copyOf(keys))
                .getResultList();
        for (Object[] row : rows) {
            String key = (String) row[0];
            unsent.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new UnsentEvent(key, (String) row[1], SqlTimestamps.instant(row[2])));
        }
        return unsent;
    }
}
