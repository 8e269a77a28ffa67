package dev.faro.bench.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @Test
    void ordersByNumericVersionAndSkipsOtherFiles(@TempDir Path dir) throws Exception {
        for (String name : List.of(
                "V10__later.sql",
                "V2__b.sql",
                "V1__a.sql",
                "V0_2__y.sql",
                "V0_1__x.sql",
                "README.md",
                "R__repeatable.sql")) {
            Files.writeString(dir.resolve(name), "select 1;");
        }

        assertThat(Migrations.inOrder(dir))
                .extracting(path -> path.getFileName().toString())
                .containsExactly("V0_1__x.sql", "V0_2__y.sql", "V1__a.sql", "V2__b.sql", "V10__later.sql");
    }

    @Test
    void findsLeadServiceOwnMigrations() throws Exception {
        Path repo = Path.of("").toAbsolutePath().getParent();

        assertThat(Migrations.inOrder(repo.resolve("lead-service/src/main/resources/db/migration")))
                .first()
                .satisfies(first -> assertThat(first.getFileName().toString()).startsWith("V1__"));
    }
}
