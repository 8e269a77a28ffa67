package dev.faro.email.sending;

import io.vertx.ext.mail.SMTPException;

/**
 * Why an SMTP attempt failed, and whether trying again can help. Only a 5xx reply is permanent; refused
 * connections, timeouts and 4xx replies are the server asking us to come back later. The reason is logged, kept in
 * the ledger and published in EmailFailed, so any address in it (servers echo the recipient: {@code 550 5.1.1
 * <ana@example.org>: user unknown}) is masked ({@link MaskedAddresses}).
 */
record DeliveryFailure(boolean permanent, String reason) {

    private static final int MAX_REASON = 500;

    static DeliveryFailure of(Throwable error) {
        Throwable root = error;
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp) {
                return new DeliveryFailure(smtp.isPermanent(), truncate(smtp.getMessage()));
            }
            root = cause;
            if (cause.getCause() == cause) {
                break;
            }
        }
        String message = root.getMessage();
        return new DeliveryFailure(
                false,
                truncate(message == null || message.isBlank() ? root.getClass().getSimpleName() : message));
    }

    private static String truncate(String reason) {
        // Masked before the final cut, so a cut cannot leave the start of an address the mask no longer recognises.
        String masked =
                MaskedAddresses.in(reason.length() <= 4 * MAX_REASON ? reason : reason.substring(0, 4 * MAX_REASON));
        return masked.length() <= MAX_REASON ? masked : masked.substring(0, MAX_REASON);
    }
}
