package dev.faro.email.sending;

/**
 * A composer cannot write this message, and trying again will not change that (a nurture step names a template
 * that exists in no form for the lead's language). The message fails at once, without blaming the address.
 */
public class UnwritableMessageException extends RuntimeException {

    public UnwritableMessageException(String message) {
        super(message);
    }
}
