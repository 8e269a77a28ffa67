package dev.faro.email.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.email.unsubscribe.UnsubscribeTokens;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrackingTokensTest {

    private static final String SECRET = secret();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private final TrackingTokens tokens = new TrackingTokens(SECRET);
    private final UUID leadId = UUID.randomUUID();
    private final TrackedMessage message =
            new TrackedMessage(leadId, "spring-sale", "<incentive.0." + leadId + "@faro.local>");

    @Test
    void clickTokenNamesItsMessageAndTarget() {
        String token = tokens.issueClick(message, "https://shop.example.org/a?b=1&c=%20d#e")
                .orElseThrow();

        assertThat(tokens.click(token)).contains(new TrackedClick(message, "https://shop.example.org/a?b=1&c=%20d#e"));
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    }

    @Test
    void openTokenNamesItsMessage() {
        assertThat(tokens.open(tokens.issueOpen(message))).contains(message);
    }

    /**
     * Tracking links do not expire, so an old email's links keep leading to their pages: a token names only its
     * message (and link) and is the same whenever it is issued. Using one again publishes nothing more.
     */
    @Test
    void aTokenCarriesNoTimeSoItNeverExpires() {
        String click = tokens.issueClick(message, "https://shop.example.org/").orElseThrow();
        String payload = new String(
                Base64.getUrlDecoder().decode(click.substring(0, click.indexOf('.'))), StandardCharsets.UTF_8);

        assertThat(tokens.issueClick(message, "https://shop.example.org/")).contains(click);
        assertThat(tokens.issueOpen(message)).isEqualTo(tokens.issueOpen(message));
        assertThat(payload)
                .isEqualTo(message.messageId() + "\n" + leadId + "\n" + message.campaign()
                        + "\nhttps://shop.example.org/");
    }

    @Test
    void aClickTokenWhoseTargetWasReplacedIsRefused() {
        String click = tokens.issueClick(message, "https://shop.example.org/").orElseThrow();
        String signature = click.substring(click.indexOf('.'));
        String payload = message.messageId() + "\n" + leadId + "\n" + message.campaign() + "\n";

        for (String target :
                List.of("https://evil.example.org/", "https://shop.example.org.evil.example/", "//evil.example.org/")) {
            String swapped = Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString((payload + target).getBytes(StandardCharsets.UTF_8))
                    + signature;
            assertThat(tokens.click(swapped)).as(target).isEmpty();
        }
    }

    @Test
    void everyOneCharacterChangeOfAClickTokenIsRefused() {
        String token = tokens.issueClick(message, "https://shop.example.org/").orElseThrow();

        for (int i = 0; i < token.length(); i++) {
            for (char replacement : ALPHABET.toCharArray()) {
                if (replacement != token.charAt(i)) {
                    String changed = token.substring(0, i) + replacement + token.substring(i + 1);
                    assertThat(tokens.click(changed)).as(changed).isEmpty();
                }
            }
        }
    }

    @Test
    void aTokenOfOneKindIsNotAcceptedAsAnother() {
        String click = tokens.issueClick(message, "https://shop.example.org/").orElseThrow();
        String open = tokens.issueOpen(message);
        String unsubscribe = new UnsubscribeTokens(SECRET).issue(leadId);

        assertThat(tokens.open(click)).isEmpty();
        assertThat(tokens.click(open)).isEmpty();
        assertThat(tokens.click(unsubscribe)).isEmpty();
        assertThat(tokens.open(unsubscribe)).isEmpty();
        assertThat(new UnsubscribeTokens(SECRET).leadOf(click)).isEmpty();
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String forged = new TrackingTokens(secret())
                .issueClick(message, "https://evil.example.org/")
                .orElseThrow();

        assertThat(tokens.click(forged)).isEmpty();
    }

    @Test
    void garbledAndOverlongTokensAreRefused() {
        String valid = tokens.issueClick(message, "https://shop.example.org/").orElseThrow();

        assertThat(tokens.click(null)).isEmpty();
        assertThat(tokens.click("")).isEmpty();
        assertThat(tokens.click(".")).isEmpty();
        assertThat(tokens.click(valid + ".")).isEmpty();
        assertThat(tokens.click(valid.replace('.', '!'))).isEmpty();
        assertThat(tokens.click(valid + "=")).isEmpty();
        assertThat(tokens.click("a".repeat(TrackingTokens.MAX_LENGTH + 1))).isEmpty();
    }

    @Test
    void onlyPlainWebAddressesWithinTheLengthBoundGetAClickToken() {
        assertThat(tokens.issueClick(message, "mailto:hola@faro.local")).isEmpty();
        assertThat(tokens.issueClick(message, "javascript:alert(1)")).isEmpty();
        assertThat(tokens.issueClick(message, "/relative/path")).isEmpty();
        assertThat(tokens.issueClick(message, "https://shop.example.org/with space"))
                .isEmpty();
        assertThat(tokens.issueClick(message, "https://shop.example.org/línea")).isEmpty();
        assertThat(tokens.issueClick(message, "https://shop.example.org/" + "x".repeat(2000)))
                .isEmpty();
        assertThat(tokens.issueClick(message, "HTTP://shop.example.org/")).isPresent();
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
