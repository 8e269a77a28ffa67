package dev.faro.contract.privacy;

import dev.faro.contract.events.Sealed;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Wraps lead data keys for their trip over {@code faro.lead-keys} with the key-wrapping key that lead-service
 * shares with the services entitled to personal data. Its id (a hash prefix, never the key) travels beside each
 * wrapped key, so a rotated wrapping key is recognised instead of failing obscurely.
 */
public final class KeyWrapping {

    private final byte[] wrappingKey;
    private final String id;

    private KeyWrapping(byte[] wrappingKey) {
        if (wrappingKey.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException(
                    "the key-wrapping key must be " + AesGcm.KEY_BYTES + " bytes, base64-encoded");
        }
        this.wrappingKey = wrappingKey.clone();
        this.id = idOf(wrappingKey);
    }

    /** From the base64 (standard or url-safe) form that configuration carries. */
    public static KeyWrapping fromBase64(String base64) {
        String trimmed = base64.trim();
        byte[] key = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                ? Base64.getUrlDecoder().decode(trimmed)
                : Base64.getDecoder().decode(trimmed);
        return new KeyWrapping(key);
    }

    /** A new random key-wrapping key in the base64 form {@link #fromBase64} reads. */
    public static String newWrappingKeyBase64() {
        return Base64.getEncoder().encodeToString(AesGcm.randomKey());
    }

    public String id() {
        return id;
    }

    public Sealed wrap(UUID leadId, byte[] dataKey) {
        return AesGcm.seal(wrappingKey, associatedData(leadId), dataKey);
    }

    /** @throws SealBrokenException if {@code wrappingKeyId} is not this key's or the box was tampered with */
    public byte[] unwrap(UUID leadId, String wrappingKeyId, Sealed wrapped) {
        if (!id.equals(wrappingKeyId)) {
            throw new SealBrokenException("wrapped with key " + wrappingKeyId + ", this service holds " + id);
        }
        return AesGcm.open(wrappingKey, associatedData(leadId), wrapped);
    }

    private static String associatedData(UUID leadId) {
        return "faro-lead-key:" + leadId;
    }

    private static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return "kw-" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
