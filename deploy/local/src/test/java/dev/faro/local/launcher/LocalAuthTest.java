package dev.faro.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.auth.JwtSigner;
import dev.faro.local.auth.JwtVerifier;
import dev.faro.local.auth.RsaKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalAuthTest {

    @TempDir
    Path state;

    @Test
    void firstStartCreatesKeysAndAYearLongAdminToken() throws Exception {
        LocalAuth.ensure(state);

        RsaKeys keys = RsaKeys.loadOrCreate(state.resolve("jwt"));
        String token = Files.readString(state.resolve("admin-token")).trim();
        assertThat(new JwtVerifier(keys.publicKey()).verify(token)).hasValueSatisfying(claims -> {
            assertThat(claims).containsEntry("iss", "faro-local");
            assertThat(claims.get("groups")).asList().containsExactly("admin", "marketer");
            long exp = ((Number) claims.get("exp")).longValue();
            assertThat(exp)
                    .isGreaterThan(Instant.now().plus(Duration.ofDays(364)).getEpochSecond());
        });
    }

    @Test
    void aValidTokenIsKeptAcrossStarts() throws Exception {
        LocalAuth.ensure(state);
        String first = Files.readString(state.resolve("admin-token"));

        LocalAuth.ensure(state);

        assertThat(Files.readString(state.resolve("admin-token"))).isEqualTo(first);
    }

    @Test
    void anExpiredTokenIsReplaced() throws Exception {
        LocalAuth.ensure(state);
        RsaKeys keys = RsaKeys.loadOrCreate(state.resolve("jwt"));
        String expired = new JwtSigner(keys.privateKey())
                .token(
                        "faro-local",
                        "admin",
                        List.of("admin"),
                        Instant.now().minus(Duration.ofDays(2)),
                        Duration.ofDays(1));
        Files.writeString(state.resolve("admin-token"), expired);

        LocalAuth.ensure(state);

        String renewed = Files.readString(state.resolve("admin-token")).trim();
        assertThat(renewed).isNotEqualTo(expired);
        assertThat(new JwtVerifier(keys.publicKey())
                        .isValidUntil(renewed, Instant.now().plus(Duration.ofDays(300))))
                .isTrue();
    }
}
