package dev.faro.contract.privacy;

/** A sealed box that does not open: a wrong key, a box of another lead, or tampered bytes. */
public class SealBrokenException extends RuntimeException {
    public SealBrokenException(String message) {
        super(message);
    }
}
