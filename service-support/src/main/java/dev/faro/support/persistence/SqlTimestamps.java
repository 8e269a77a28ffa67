package dev.faro.support.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A {@code timestamptz} column read through a native query, as an instant: Hibernate hands it back as an
 * {@link Instant}, an {@link OffsetDateTime} or a {@link Timestamp} depending on the query and the driver.
 */
public final class SqlTimestamps {

    private SqlTimestamps() {}

    /** The instant of {@code value}; null for SQL null. */
    public static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
