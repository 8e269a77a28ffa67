package dev.faro.email.sending;

import java.util.regex.Pattern;

/**
 * Text from outside (an SMTP server's reply, an exception's message) with every email address in it masked to its
 * domain: {@code 550 5.1.1 <ana@example.org>: user unknown} becomes {@code 550 5.1.1 <***@example.org>: user
 * unknown}. SMTP servers echo the recipient in their replies, and such a reply is logged, kept in the ledger's
 * {@code last_error} and published in {@code EmailFailed}: none of them may hold the person's address. The domain
 * stays, since which provider refused is what an operator needs to know.
 */
public final class MaskedAddresses {

    /** A local part as servers write it (dot-atom or quoted), an at sign, and a domain or address literal. */
    private static final Pattern ADDRESS = Pattern.compile(
            "(?:\"[^\"\\r\\n]*\"|[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+)@(\\[[^\\]\\s]*\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)");

    private MaskedAddresses() {}

    public static String in(String text) {
        return text == null ? null : ADDRESS.matcher(text).replaceAll("***@$1");
    }
}
