package dev.faro.email.sending;

import io.vertx.ext.mail.SMTPException;

/**
 * Why an SMTP attempt failed, and whether trying again can help. Only a 5xx reply is permanent; refused
 * connections, timeouts and 4xx replies are the server asking us to come back later.
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
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }
}
