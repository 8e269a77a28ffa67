package dev.faro.lead.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faro.lead.web.SignedTokens.InvalidTokenException;
import dev.faro.lead.web.SignedTokens.Rejection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:15:30Z");
    private static final String PURPOSE = "lead-confirmation";

    private final byte[] secret = secret(7);
    private final SignedTokens tokens = new SignedTokens(secret, Clock.fixed(NOW, ZoneOffset.UTC));
    private final UUID leadId = UUID.randomUUID();
    private final Instant expiry = NOW.plus(Duration.ofDays(7));

    @Test
    void issuedTokenVerifiesToItsLeadAndExpiry() {
        String token = tokens.issue(PURPOSE, leadId, expiry);

        SignedTokens.Verified verified = tokens.verify(PURPOSE, token);

        assertThat(verified.leadId()).isEqualTo(leadId);
        assertThat(verified.expiresAt()).isEqualTo(expiry);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void tokenCarriesNothingInClearButPurposeLeadAndExpiry() {
        String token = tokens.issue(PURPOSE, leadId, expiry);

        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);

        assertThat(payload).isEqualTo("v1|" + PURPOSE + "|" + leadId + "|" + expiry.getEpochSecond());
        assertThat(token).doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    @Test
    void tokenWhoseLeadIdWasChangedIsRefusedAsTampered() {
        String token = tokens.issue(PURPOSE, leadId, expiry);
        String forged = payload("v1|" + PURPOSE + "|" + UUID.randomUUID() + "|" + expiry.getEpochSecond()) + "."
                + token.split("\\.")[1];

        assertRejected(PURPOSE, forged, Rejection.TAMPERED);
    }

    @Test
    void tokenWhoseExpiryWasExtendedIsRefusedAsTamperedNotAsValid() {
        String token = tokens.issue(PURPOSE, leadId, NOW.minusSeconds(60));
        String extended =
                payload("v1|" + PURPOSE + "|" + leadId + "|" + expiry.getEpochSecond()) + "." + token.split("\\.")[1];

        assertRejected(PURPOSE, extended, Rejection.TAMPERED);
    }

    @Test
    void tokenWithAnAlteredSignatureIsRefusedAsTampered() {
        String token = tokens.issue(PURPOSE, leadId, expiry);
        byte[] signature = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        signature[0] ^= 1;

        assertRejected(
                PURPOSE,
                token.split("\\.")[0] + "."
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(signature),
                Rejection.TAMPERED);
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefusedAsTampered() {
        String foreign = new SignedTokens(secret(8), Clock.fixed(NOW, ZoneOffset.UTC)).issue(PURPOSE, leadId, expiry);

        assertRejected(PURPOSE, foreign, Rejection.TAMPERED);
    }

    @Test
    void tokenOfAnotherPurposeIsRefusedAsWrongPurpose() {
        String erasureToken = tokens.issue("lead-erasure", leadId, expiry);

        InvalidTokenException refused = assertRejected(PURPOSE, erasureToken, Rejection.WRONG_PURPOSE);
        assertThat(refused.leadId()).isEqualTo(leadId);
    }

    @Test
    void tokenIsValidUntilJustBeforeItsExpiryAndRefusedAsExpiredFromThen() {
        String token = tokens.issue(PURPOSE, leadId, NOW.plusSeconds(1));

        assertThat(tokens.verify(PURPOSE, token).leadId()).isEqualTo(leadId);
        SignedTokens later = new SignedTokens(secret, Clock.fixed(NOW.plusSeconds(1), ZoneOffset.UTC));
        InvalidTokenException refused = assertRejected(later, PURPOSE, token, Rejection.EXPIRED);
        assertThat(refused.leadId()).isEqualTo(leadId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "abc.", ".abc", "a.b.c", "not base64!.abc", "dGVzdA.%%%"})
    void somethingThatIsNotATokenIsRefusedAsMalformed(String token) {
        assertRejected(PURPOSE, token, Rejection.MALFORMED);
    }

    @Test
    void missingTokenIsRefusedAsMalformed() {
        assertRejected(PURPOSE, null, Rejection.MALFORMED);
    }

    @Test
    void fingerprintIsStablePerLabelAndSecretAndRevealsNothingOfTheValue() {
        String fingerprint = tokens.fingerprint("confirmation-address", "lucia@example.org");

        assertThat(tokens.fingerprint("confirmation-address", "lucia@example.org"))
                .isEqualTo(fingerprint);
        assertThat(fingerprint).matches("[0-9a-f]{64}").doesNotContain("lucia");
        assertThat(tokens.fingerprint("other-use", "lucia@example.org")).isNotEqualTo(fingerprint);
        assertThat(new SignedTokens(secret(8), Clock.systemUTC())
                        .fingerprint("confirmation-address", "lucia@example.org"))
                .isNotEqualTo(fingerprint);
    }

    @Test
    void tooShortASecretIsRefusedAtStart() {
        assertThatThrownBy(() -> new SignedTokens(new byte[16], Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void purposeMustBeASlug() {
        assertThatThrownBy(() -> tokens.issue("with|bar", leadId, expiry)).isInstanceOf(IllegalArgumentException.class);
    }

    private InvalidTokenException assertRejected(String purpose, String token, Rejection rejection) {
        return assertRejected(tokens, purpose, token, rejection);
    }

    private static InvalidTokenException assertRejected(
            SignedTokens tokens, String purpose, String token, Rejection rejection) {
        try {
            tokens.verify(purpose, token);
        } catch (InvalidTokenException e) {
            assertThat(e.rejection()).isEqualTo(rejection);
            return e;
        }
        throw new AssertionError("token " + token + " was accepted");
    }

    private static String payload(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] secret(int fill) {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) fill);
        return secret;
    }
}
