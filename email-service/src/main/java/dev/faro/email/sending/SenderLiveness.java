package dev.faro.email.sending;

import dev.faro.support.worker.WakeableWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.Driver;

/**
 * Shows the other email-service instances that this one's senders are alive: a PostgreSQL session-level advisory lock
 * named by a key drawn at start-up, held on a connection of its own, outside the pool: closing it must end the
 * session, never hand a session that still holds the lock to other work. Every claim carries the key. When the process
 * dies its connections close and PostgreSQL drops the lock at once, so another instance can tell the claim was
 * abandoned (see {@link AbandonedClaims}) without waiting for its lease.
 *
 * <p>A database restart drops every instance's lock at the same moment; each takes its own again within a check or
 * two, which is why a judge must have held its own lock for a while before it judges anybody else's.
 */
@ApplicationScoped
public class SenderLiveness {

    /** The first half of the two-key advisory lock, which keeps these locks apart from any other ("FRO1"). */
    static final int LOCK_NAMESPACE = 0x46524f31;

    private static final Logger LOG = Logger.getLogger(SenderLiveness.class);
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    private static final long NOT_HELD = Long.MIN_VALUE;

    private final String jdbcUrl;
    private final Properties credentials = new Properties();
    /** Positive, so it reads the same in {@code pg_locks.objid} (an unsigned oid) and in {@code claimed_by}. */
    private final int key = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);

    private final WakeableWorker checker;
    /** Only the checker thread touches it after start-up. */
    private Connection connection;
    /** {@link System#nanoTime()} when the lock was last taken, or {@link #NOT_HELD}. */
    private volatile long heldSince = NOT_HELD;
    /** Whether the lock was found held by another session since it was last taken: one warning per episode. */
    private boolean refusalReported;

    public SenderLiveness(
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.jdbcUrl = jdbcUrl;
        user.ifPresent(name -> credentials.setProperty("user", name));
        password.ifPresent(secret -> credentials.setProperty("password", secret));
        credentials.setProperty("ApplicationName", "email-service sender liveness");
        credentials.setProperty("connectTimeout", "5");
        this.checker = new WakeableWorker("email-sender-liveness", this::check, CHECK_INTERVAL, CHECK_INTERVAL, LOG);
    }

    /**
     * Before the senders start, so their first claim finds the lock held; also when this instance runs no sender
     * thread, as a claim made by hand (an operator's tool, a test) names this instance too.
     */
    void start(@Observes @Priority(1) StartupEvent startup) {
        try {
            check();
        } catch (SQLException e) {
            LOG.warnf("Could not take the sender liveness lock yet (%s); trying again every second", e.getMessage());
        }
        checker.start();
    }

    /** After the senders have stopped (they observe shutdown earlier): their claims are theirs until then. */
    void stop(@Observes @Priority(10_000) ShutdownEvent shutdown) throws InterruptedException {
        checker.stop(CHECK_INTERVAL.plusSeconds(VALIDATION_TIMEOUT_SECONDS));
        heldSince = NOT_HELD;
        if (connection != null) {
            // Ending the session releases the lock.
            closeQuietly();
        }
    }

    /** The key this instance's claims carry. */
    int key() {
        return key;
    }

    /** Whether the lock is held as of the last check; a sender claims nothing while it is not. */
    boolean held() {
        return heldSince != NOT_HELD;
    }

    /** Whether the lock has been held without a break for at least {@code period}. */
    boolean heldFor(Duration period) {
        long since = heldSince;
        return since != NOT_HELD && System.nanoTime() - since >= period.toNanos();
    }

    /** Keeps the lock: checks the connection, and when it is gone, takes the lock again on a new one. */
    private boolean check() throws SQLException {
        if (connection != null && connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
            return false;
        }
        if (connection != null) {
            heldSince = NOT_HELD;
            LOG.warn("Lost the connection that holds the sender liveness lock; taking the lock again");
            closeQuietly();
        }
        connection = new Driver().connect(jdbcUrl, credentials);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL URL: " + jdbcUrl);
        }
        if (lock(connection)) {
            heldSince = System.nanoTime();
            refusalReported = false;
            LOG.debugf("Holding sender liveness lock %d", key);
        } else {
            // A session of this instance that the database has not noticed gone yet still holds it. Until then it
            // vouches for this instance, but the senders pause; try again.
            closeQuietly();
            if (!refusalReported) {
                refusalReported = true;
                LOG.warnf("Sender liveness lock %d is held by an older session of this instance; senders pause", key);
            }
        }
        return false;
    }

    private boolean lock(Connection on) throws SQLException {
        try (PreparedStatement lock = on.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_NAMESPACE);
            lock.setInt(2, key);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void closeQuietly() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debugf("Closing the liveness connection: %s", e.getMessage());
        }
        connection = null;
    }
}
