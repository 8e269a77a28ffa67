package dev.faro.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aRefusedOrBrokenConnectionDeepInTheCausesIsAnOutage() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        SQLException broken = new SQLException("An I/O error occurred while sending to the backend", "08006");

        assertThat(DatabaseOutage.causedBy(new PersistenceException("could not execute", refused)))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException(new PersistenceException(broken))))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLTransientConnectionException("pool closed")))
                .isTrue();
    }

    @Test
    void postgresShuttingDownOrStartingAndAPoolTimeoutAreOutages() {
        assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection", "57P01")))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("Sorry, acquisition timeout!")))
                .isTrue();
    }

    @Test
    void aQueryTheDatabaseRefusesIsNoOutage() {
        assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key value", "23505")))
                .isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("syntax error", "42601")))
                .isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("no cause")))
                .isFalse();
    }
}
