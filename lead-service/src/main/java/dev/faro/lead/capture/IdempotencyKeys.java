package dev.faro.lead.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The answers given to requests that carried an {@code Idempotency-Key}, so that a retry gets the first answer
 * instead of a second submission (a second consent-ledger row, say).
 *
 * <p>The key's row is claimed first in the capture's transaction and filled with the answer before it commits.
 * A concurrent request with the same key therefore blocks on the primary key until the first one commits, then
 * reads and returns its answer: two requests can never both act. Only if the first one has not finished within
 * {@link IdempotencyConfig#inProgressWait()} is the second answered 409, and its client retries later. Only
 * accepted answers are kept; a rejected request (400) changed nothing, so its key may be sent again with a
 * corrected body.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private static final Logger LOG = Logger.getLogger(IdempotencyKeys.class);
    private static final Pattern FORM = Pattern.compile("[\\x20-\\x7E]{1,255}");
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** Sorted keys at every level, so that property order in the request does not change its fingerprint. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final EntityManager entityManager;
    private final IdempotencyConfig config;

    public IdempotencyKeys(EntityManager entityManager, IdempotencyConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** The key as sent, or a 400 naming the header when it is not 1 to 255 printable ASCII characters. */
    public static String validated(List<String> headerValues) {
        if (headerValues == null || headerValues.isEmpty()) {
            return null;
        }
        if (headerValues.size() > 1) {
            throw ProblemException.invalid(HEADER, "must be sent at most once");
        }
        String key = headerValues.get(0);
        if (key == null || !FORM.matcher(key).matches()) {
            throw ProblemException.invalid(HEADER, "must be 1 to 255 printable ASCII characters");
        }
        return key;
    }

    /**
     * What identifies "the same request": the request after normalisation (trimmed, address lower-cased), with
     * property order and JSON whitespace ignored.
     */
    public static String fingerprint(CaptureRequest request) {
        try {
            Map<?, ?> tree = CANONICAL.convertValue(request, Map.class);
            byte[] canonical = CANONICAL.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a capture request", e);
        }
    }

    /**
     * Claims {@code key} for this request. Empty means the key is new (or its answer has expired): the caller
     * goes on and must {@link #remember} its answer in the same transaction. Otherwise the first answer is
     * returned, or a 422 when the key was first used for a different request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CaptureAnswer> claim(String key, String fingerprint, Instant now) {
        int claimed = waitingAtMost(() -> entityManager
                .createNativeQuery(
                        """
                        insert into capture_idempotency (idempotency_key, request_hash, created_at)
                        values (:key, :hash, :now)
                        on conflict (idempotency_key) do update
                            set request_hash = excluded.request_hash, status = null, body = null,
                                created_at = excluded.created_at
                            where capture_idempotency.created_at < :expired
                        """)
                .setParameter("key", key)
                .setParameter("hash", fingerprint)
                .setParameter("now", now)
                .setParameter("expired", now.minus(config.retention()))
                .executeUpdate());
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] first = (Object[]) entityManager
                .createNativeQuery(
                        "select request_hash, status, body from capture_idempotency where idempotency_key = :key")
                .setParameter("key", key)
                .getSingleResult();
        if (!fingerprint.equals(first[0])) {
            throw new ProblemException(Problem.of(
                    "idempotency-key-reused",
                    "Idempotency-Key reused for a different request",
                    422,
                    "this key was first used with a different request body; send a new key for a new request",
                    List.of(new Problem.FieldError(HEADER, "was used for a different request"))));
        }
        if (first[1] == null) {
            // Cannot be seen once committed (the answer is written in the claiming transaction); kept honest.
            throw inProgress();
        }
        return Optional.of(new CaptureAnswer(((Number) first[1]).intValue(), (String) first[2], true));
    }

    /** Stores the answer for the key claimed earlier in this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String key, CaptureAnswer answer) {
        entityManager
                .createNativeQuery(
                        "update capture_idempotency set status = :status, body = :body where idempotency_key = :key")
                .setParameter("status", answer.status())
                .setParameter("body", answer.body())
                .setParameter("key", key)
                .executeUpdate();
    }

    @Scheduled(
            every = "${faro.capture.idempotency.purge-every:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledPurge() {
        purgeExpired();
    }

    /** Deletes keys whose answers are past the retention; returns how many. */
    @Transactional
    public int purgeExpired() {
        int deleted = entityManager
                .createNativeQuery("delete from capture_idempotency where created_at < :expired")
                .setParameter("expired", Instant.now().minus(config.retention()))
                .executeUpdate();
        if (deleted > 0) {
            LOG.debugf("Purged %d expired idempotency keys", deleted);
        }
        return deleted;
    }

    /**
     * Runs the claim with a lock timeout, so waiting for a concurrent request with the same key is bounded; the
     * transaction's own setting is restored afterwards so the rest of the capture is unaffected.
     */
    private int waitingAtMost(IntSupplier claim) {
        String previous = (String) entityManager
                .createNativeQuery("select current_setting('lock_timeout')")
                .getSingleResult();
        setLockTimeout(config.inProgressWait().toMillis() + "ms");
        int claimed;
        try {
            claimed = claim.getAsInt();
        } catch (PersistenceException e) {
            if (LOCK_NOT_AVAILABLE.equals(sqlState(e))) {
                throw inProgress();
            }
            throw e;
        }
        setLockTimeout(previous);
        return claimed;
    }

    private void setLockTimeout(String value) {
        entityManager
                .createNativeQuery("select set_config('lock_timeout', :value, true)")
                .setParameter("value", value)
                .getSingleResult();
    }

    private static ProblemException inProgress() {
        return new ProblemException(Problem.of(
                "idempotency-key-in-use",
                "A request with this Idempotency-Key is still being processed",
                409,
                "retry with the same key in a few seconds to get its answer",
                List.of(new Problem.FieldError(HEADER, "is in use by a request still being processed"))));
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
