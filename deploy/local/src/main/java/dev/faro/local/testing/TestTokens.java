package dev.faro.local.testing;

import dev.faro.local.auth.JwtSigner;
import dev.faro.local.auth.RsaKeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * RS256 tokens the services under test accept: issuer {@value TestInfrastructure#JWT_ISSUER}, signed with the key
 * whose public half {@link FaroInfrastructure} configures as {@code mp.jwt.verify.publickey.location}.
 */
public final class TestTokens {

    public static final String SUBJECT = "test-user@faro.test";
    private static final Duration VALIDITY = Duration.ofHours(1);

    private TestTokens() {}

    /** {@code "Bearer <token>"}, for an Authorization header. */
    public static String bearer(String... groups) {
        return "Bearer " + token(groups);
    }

    /** A token valid for an hour whose {@code groups} claim holds {@code groups} (the roles). */
    public static String token(String... groups) {
        return token(SUBJECT, Instant.now(), VALIDITY, groups);
    }

    /** A token that expired a minute ago, otherwise like {@link #token}. */
    public static String expiredToken(String... groups) {
        return token(SUBJECT, Instant.now().minus(VALIDITY), VALIDITY.minusMinutes(1), groups);
    }

    public static String token(String subject, Instant issuedAt, Duration validity, String... groups) {
        JwtSigner signer = new JwtSigner(
                RsaKeys.readPrivateKey(TestInfrastructure.current().jwtPrivateKey()));
        return signer.token(TestInfrastructure.JWT_ISSUER, subject, List.of(groups), issuedAt, validity);
    }
}
