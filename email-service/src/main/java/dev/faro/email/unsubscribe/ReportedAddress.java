package dev.faro.email.unsubscribe;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * An address as a bounce or complaint report names it, accepted only when it is a plain, syntactically valid
 * {@code local@domain}: the report comes from outside, and a suppression is hard to undo.
 */
final class ReportedAddress {

    private static final int MAX_ADDRESS = 254;

    private ReportedAddress() {}

    /** The address, lower-cased as the suppression list keeps it, or empty when {@code raw} is not one. */
    static Optional<String> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String candidate = raw.strip();
        if (candidate.startsWith("<") && candidate.endsWith(">")) {
            candidate = candidate.substring(1, candidate.length() - 1).strip();
        }
        if (candidate.isEmpty()
                || candidate.length() > MAX_ADDRESS
                || candidate.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return Optional.empty();
        }
        int at = candidate.lastIndexOf('@');
        if (at < 1 || at == candidate.length() - 1) {
            return Optional.empty();
        }
        try {
            InternetAddress address = new InternetAddress(candidate, true);
            address.validate();
            if (address.getPersonal() != null || !candidate.equals(address.getAddress())) {
                return Optional.empty();
            }
        } catch (AddressException e) {
            return Optional.empty();
        }
        return Optional.of(candidate.toLowerCase(Locale.ROOT));
    }
}
