package dev.faro.email.digest;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The addresses a digest goes to. Stricter than the contract's "email" format: that admits quoted local parts,
 * IP literals and dotless hosts, none of which a marketer's work address needs and all of which are odd things to
 * hand an SMTP relay.
 */
final class DigestAddresses {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_PART = 64;
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ADDRESS =
            Pattern.compile(ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+");

    private DigestAddresses() {}

    static boolean isValid(String address) {
        if (address == null
                || address.length() > MAX_LENGTH
                || !ADDRESS.matcher(address).matches()) {
            return false;
        }
        return address.indexOf('@') <= MAX_LOCAL_PART;
    }

    /**
     * The ledger key of one recipient's copy of a digest: a name-based UUID, so a redelivered digest finds the rows
     * it already recorded. It keys the ledger only; no lead has it.
     */
    static UUID ledgerKey(UUID digestId, String address) {
        String name = "faro-digest:" + digestId + ":" + address.toLowerCase(Locale.ROOT);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
