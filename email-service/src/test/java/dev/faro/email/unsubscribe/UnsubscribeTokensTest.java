package dev.faro.email.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);

    private final UnsubscribeTokens tokens = new UnsubscribeTokens(SECRET);

    @Test
    void issuedTokenNamesItsLead() {
        UUID leadId = UUID.randomUUID();

        assertThat(tokens.leadOf(tokens.issue(leadId))).contains(leadId);
    }

    /** Unsubscribe links must keep working for as long as the email is kept (see UnsubscribeLinkTest). */
    @Test
    void aTokenCarriesNothingButItsLeadAndSignatureSoItNeverExpires() {
        UUID leadId = UUID.randomUUID();
        String token = tokens.issue(leadId);

        assertThat(tokens.issue(leadId)).isEqualTo(token);
        assertThat(token).matches(leadId + "\\.[A-Za-z0-9_-]{43}");
    }

    @Test
    void tokenWithAnotherLeadOrAnAlteredSignatureIsRefused() {
        String token = tokens.issue(UUID.randomUUID());
        int dot = token.indexOf('.');
        String signature = token.substring(dot + 1);
        // The first character of the signature carries six bits of the MAC; the last one partly carries padding
        // bits, and a decoder may ignore a change there.
        char first = signature.charAt(0);
        String altered = token.substring(0, dot + 1) + (first == 'A' ? 'B' : 'A') + signature.substring(1);

        assertThat(tokens.leadOf(UUID.randomUUID() + "." + signature)).isEmpty();
        assertThat(tokens.leadOf(altered)).isEmpty();
        assertThat(tokens.leadOf(token.toUpperCase())).isEmpty();
    }

    @Test
    void tokenSignedWithAnotherSecretIsRefused() {
        byte[] other = new byte[32];
        other[0] = 1;
        String forged = new UnsubscribeTokens(Base64.getEncoder().encodeToString(other)).issue(UUID.randomUUID());

        assertThat(tokens.leadOf(forged)).isEmpty();
    }

    @Test
    void malformedTokensAreRefused() {
        assertThat(tokens.leadOf(null)).isEmpty();
        assertThat(tokens.leadOf("")).isEmpty();
        assertThat(tokens.leadOf("no-dot")).isEmpty();
        assertThat(tokens.leadOf("not-a-uuid.AAAA")).isEmpty();
        assertThat(tokens.leadOf(UUID.randomUUID() + ".!!!")).isEmpty();
    }
}
