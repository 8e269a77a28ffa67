package dev.faro.incentive.code;

import java.security.SecureRandom;

/**
 * Discount codes people can read aloud and type: groups of four from an alphabet without look-alike
 * characters (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V), 11 random characters from a CSPRNG (about 50 bits) and a
 * final check character that catches any single mistyped character or swapped neighbours before a lookup.
 */
public final class DiscountCodes {

    static final String ALPHABET = "34679ACDEFGHJKMNPQRTWXY";
    private static final int RANDOM_LENGTH = 11;
    private static final int GROUP = 4;

    private final SecureRandom random;

    public DiscountCodes(SecureRandom random) {
        this.random = random;
    }

    public DiscountCodes() {
        this(new SecureRandom());
    }

    /** A new code such as {@code K7PM-W3QX-9HTN}. */
    public String next() {
        char[] body = new char[RANDOM_LENGTH];
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            body[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return format(new String(body) + checkCharacter(new String(body)));
    }

    /** Whether the text is a well-formed code whose check character matches (dashes, case and spaces are ignored). */
    public static boolean isWellFormed(String code) {
        if (code == null) {
            return false;
        }
        String compact = normalise(code);
        if (compact.length() != RANDOM_LENGTH + 1 || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return false;
        }
        return checkCharacter(compact.substring(0, RANDOM_LENGTH)) == compact.charAt(RANDOM_LENGTH);
    }

    /** The canonical form a code is stored and compared in. */
    public static String normalise(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * Chosen so that the weighted sum of all twelve characters (weights 1 to 12, alphabet index as value) is
     * 0 modulo 23. Since 23 is prime and the weights are distinct and below it, any single substitution and
     * any swap of two adjacent different characters, the check character included, breaks the sum.
     */
    static char checkCharacter(String body) {
        int n = ALPHABET.length();
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(body.charAt(i));
        }
        // 12 * value + sum = 0 (mod 23), and 2 is the inverse of 12 modulo 23.
        int value = Math.floorMod(-2 * sum, n);
        return ALPHABET.charAt(value);
    }

    private static String format(String compact) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < compact.length(); i++) {
            if (i > 0 && i % GROUP == 0) {
                out.append('-');
            }
            out.append(compact.charAt(i));
        }
        return out.toString();
    }
}
