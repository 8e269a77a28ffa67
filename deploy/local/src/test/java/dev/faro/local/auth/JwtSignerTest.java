package dev.faro.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSignerTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path keys;

    @Test
    void tokenVerifiesWithThePublicKeyReadBackFromPem() throws Exception {
        RsaKeys.generate().write(keys);
        RsaKeys reloaded = new RsaKeys(
                RsaKeys.readPublicKey(keys.resolve(RsaKeys.PUBLIC_FILE)),
                RsaKeys.readPrivateKey(keys.resolve(RsaKeys.PRIVATE_FILE)));

        String token = new JwtSigner(reloaded.privateKey())
                .token("faro-test", "ana@faro.test", List.of("admin", "marketer"), NOW, Duration.ofHours(1));

        // Checked with the JDK directly, not with our own verifier.
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(reloaded.publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");
        assertThat(header.path("typ").asText()).isEqualTo("JWT");
        assertThat(claims.path("iss").asText()).isEqualTo("faro-test");
        assertThat(claims.path("sub").asText()).isEqualTo("ana@faro.test");
        assertThat(claims.path("upn").asText()).isEqualTo("ana@faro.test");
        assertThat(claims.path("groups")).extracting(JsonNode::asText).containsExactly("admin", "marketer");
        assertThat(claims.path("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.path("exp").asLong()).isEqualTo(NOW.plusSeconds(3600).getEpochSecond());
        assertThat(token).doesNotContain("=", "+", "/");
    }

    @Test
    void verifierAcceptsOurTokenAndRejectsTamperingAndOtherKeys() {
        RsaKeys ours = RsaKeys.generate();
        String token = new JwtSigner(ours.privateKey())
                .token("faro-local", "admin", List.of("admin"), Instant.now(), Duration.ofDays(1));
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString("{\"sub\":\"admin\",\"groups\":[\"admin\"],\"exp\":9999999999}"
                                .getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        JwtVerifier verifier = new JwtVerifier(ours.publicKey());
        assertThat(verifier.verify(token))
                .hasValueSatisfying(claims -> assertThat(claims).containsEntry("sub", "admin"));
        assertThat(verifier.verify(tampered)).isEmpty();
        assertThat(new JwtVerifier(RsaKeys.generate().publicKey()).verify(token))
                .isEmpty();
        assertThat(verifier.verify("not-a-token")).isEmpty();
    }

    @Test
    void expiryIsJudgedAgainstTheGivenInstant() {
        RsaKeys keyPair = RsaKeys.generate();
        String token = new JwtSigner(keyPair.privateKey()).token("i", "s", List.of(), NOW, Duration.ofDays(2));
        JwtVerifier verifier = new JwtVerifier(keyPair.publicKey());

        assertThat(verifier.isValidUntil(token, NOW.plus(Duration.ofDays(1)))).isTrue();
        assertThat(verifier.isValidUntil(token, NOW.plus(Duration.ofDays(3)))).isFalse();
    }
}
