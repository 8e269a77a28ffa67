package dev.faro.contract.events;

/**
 * Personal fields sealed with the lead's own data key (AES-256-GCM, the lead id as associated data). Whoever
 * holds the key opens it with {@link dev.faro.contract.privacy.LeadSeal}; once erasure destroys the key, every
 * copy of the event in the log is unreadable (crypto-shredding). Base64url without padding.
 */
public record Sealed(String nonce, String ciphertext) {}
