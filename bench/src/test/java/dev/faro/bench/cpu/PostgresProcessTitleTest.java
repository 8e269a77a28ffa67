package dev.faro.bench.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresProcessTitleTest {

    @Test
    void aBackendIsLabelledByItsDatabaseWhateverItIsDoing() {
        assertThat(PostgresProcessTitle.label("postgres: faro_lead faro_lead 127.0.0.1(60050) idle\0\0\0"))
                .isEqualTo("backends of faro_lead");
        assertThat(PostgresProcessTitle.label("postgres: faro_bench faro_bench 127.0.0.1(4100) COMMIT\0"))
                .isEqualTo("backends of faro_bench");
        assertThat(PostgresProcessTitle.label("postgres: postgres faro_lead [local] idle"))
                .isEqualTo("backends of faro_lead");
    }

    @Test
    void aBackgroundProcessKeepsItsTitle() {
        assertThat(PostgresProcessTitle.label("postgres: walwriter \0\0\0")).isEqualTo("walwriter");
        assertThat(PostgresProcessTitle.label("postgres: autovacuum launcher \0\0"))
                .isEqualTo("autovacuum launcher");
        assertThat(PostgresProcessTitle.label("postgres: logical replication launcher "))
                .isEqualTo("logical replication launcher");
    }

    @Test
    void aTitlePostgresDidNotSetIsOther() {
        assertThat(PostgresProcessTitle.label("/usr/lib/postgresql/bin/postgres\0-D\0/data\0"))
                .isEqualTo("other");
        assertThat(PostgresProcessTitle.label("")).isEqualTo("other");
    }
}
