package dev.faro.contract.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faro.contract.EventCodec;
import dev.faro.contract.EventType;
import dev.faro.contract.events.ConfirmationLink;
import dev.faro.contract.events.ConfirmationRequested;
import dev.faro.contract.events.ErasureLink;
import dev.faro.contract.events.ErasureLinkRequested;
import dev.faro.contract.events.LeadCaptured;
import dev.faro.contract.events.LeadKeyIssued;
import dev.faro.contract.events.PersonalData;
import dev.faro.contract.events.Sealed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadSealTest {

    /** The keys the golden examples were sealed with; documented so any consumer's test can open them. */
    static final byte[] GOLDEN_DATA_KEY = sha256("faro golden example data key");

    static final byte[] GOLDEN_WRAPPING_KEY = sha256("faro golden example wrapping key");

    private final EventCodec codec = EventCodec.instance();

    @Test
    void goldenLeadCapturedOpensToThePersonsDetails() {
        LeadCaptured event = golden(EventType.LEAD_CAPTURED, LeadCaptured.class);

        PersonalData personal = LeadSeal.open(GOLDEN_DATA_KEY, event.leadId(), event.personal(), PersonalData.class);

        assertThat(personal.email()).isEqualTo("lucia.garcia@example.org");
        assertThat(personal.name()).isEqualTo("Lucía García");
        assertThat(personal.customFields()).containsEntry("edad", 34);
    }

    @Test
    void goldenKeyUnwrapsToTheKeyThatOpensTheGoldenLink() {
        LeadKeyIssued key = golden(EventType.LEAD_KEY_ISSUED, LeadKeyIssued.class);
        ConfirmationRequested request = golden(EventType.CONFIRMATION_REQUESTED, ConfirmationRequested.class);
        KeyWrapping wrapping = KeyWrapping.fromBase64(Base64.getEncoder().encodeToString(GOLDEN_WRAPPING_KEY));

        byte[] dataKey = wrapping.unwrap(key.leadId(), key.wrappingKeyId(), key.wrappedKey());

        assertThat(dataKey).isEqualTo(GOLDEN_DATA_KEY);
        assertThat(LeadSeal.open(dataKey, request.leadId(), request.link(), ConfirmationLink.class)
                        .url())
                .startsWith("http://localhost:8081/api/leads/confirm?token=");
    }

    @Test
    void goldenErasureLinkOpensWithTheGoldenKeyOnlyForItsLead() {
        ErasureLinkRequested request = golden(EventType.ERASURE_LINK_REQUESTED, ErasureLinkRequested.class);

        assertThat(LeadSeal.open(GOLDEN_DATA_KEY, request.leadId(), request.link(), ErasureLink.class)
                        .url())
                .isEqualTo("http://localhost:8081/api/privacy/erase?token=example");
        assertThatThrownBy(() -> LeadSeal.open(GOLDEN_DATA_KEY, UUID.randomUUID(), request.link(), ErasureLink.class))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void sealedDetailsRoundTripAndAreNotReadableInTheEvent() {
        UUID lead = UUID.randomUUID();
        byte[] key = LeadSeal.newDataKey();
        PersonalData personal =
                new PersonalData("ana@example.org", "Ana", null, null, "192.0.2.0", "UA", Map.of("plan", "pro"));

        Sealed sealed = LeadSeal.seal(key, lead, personal);

        assertThat(sealed.ciphertext()).doesNotContain("ana").doesNotContain("YW5h");
        assertThat(LeadSeal.open(key, lead, sealed, PersonalData.class)).isEqualTo(personal);
        assertThat(LeadSeal.seal(key, lead, personal).nonce()).isNotEqualTo(sealed.nonce());
    }

    @Test
    void aBoxDoesNotOpenWithAnotherKeyForAnotherLeadOrAfterTampering() {
        UUID lead = UUID.randomUUID();
        byte[] key = LeadSeal.newDataKey();
        Sealed sealed = LeadSeal.seal(key, lead, new ConfirmationLink("https://faro.example/confirm?token=t"));
        // The first character carries six bits of ciphertext; near the end some bits may be base64 padding.
        char first = sealed.ciphertext().charAt(0);
        Sealed tampered = new Sealed(
                sealed.nonce(), (first == 'A' ? 'B' : 'A') + sealed.ciphertext().substring(1));

        assertThatThrownBy(() -> LeadSeal.open(LeadSeal.newDataKey(), lead, sealed, ConfirmationLink.class))
                .isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> LeadSeal.open(key, UUID.randomUUID(), sealed, ConfirmationLink.class))
                .isInstanceOf(SealBrokenException.class);
        assertThatThrownBy(() -> LeadSeal.open(key, lead, tampered, ConfirmationLink.class))
                .isInstanceOf(SealBrokenException.class);
    }

    @Test
    void aKeyWrappedWithAnotherWrappingKeyIsRecognisedByItsId() {
        UUID lead = UUID.randomUUID();
        KeyWrapping current = KeyWrapping.fromBase64(KeyWrapping.newWrappingKeyBase64());
        KeyWrapping previous = KeyWrapping.fromBase64(KeyWrapping.newWrappingKeyBase64());
        Sealed wrapped = previous.wrap(lead, LeadSeal.newDataKey());

        assertThat(current.id()).matches("kw-[0-9a-f]{12}").isNotEqualTo(previous.id());
        assertThatThrownBy(() -> current.unwrap(lead, previous.id(), wrapped))
                .isInstanceOf(SealBrokenException.class)
                .hasMessageContaining(previous.id());
        assertThatThrownBy(() -> KeyWrapping.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private <T extends Record> T golden(EventType type, Class<T> dataClass) {
        return codec.data(codec.decode(codec.goldenExample(type)), dataClass);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
