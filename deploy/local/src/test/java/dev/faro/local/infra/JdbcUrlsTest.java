package dev.faro.local.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void replacesTheDatabaseAndKeepsHostAndParameters() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5432/test?loggerLevel=OFF&ssl=false", "faro_lead"))
                .isEqualTo("jdbc:postgresql://db:5432/faro_lead?loggerLevel=OFF&ssl=false");
    }

    @Test
    void addsADatabaseWhenTheUrlHasNone() {
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://a:1,b:2", "faro_email"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/faro_email");
        assertThat(JdbcUrls.withDatabase("jdbc:postgresql://a:1?ssl=true", "x"))
                .isEqualTo("jdbc:postgresql://a:1/x?ssl=true");
    }

    @Test
    void rejectsOtherDrivers() {
        assertThatThrownBy(() -> JdbcUrls.withDatabase("jdbc:mysql://db/x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
