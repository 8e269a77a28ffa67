package dev.faro.incentive.code;

import java.security.SecureRandom;

/**
 * Discount codes people can read aloud and type: groups of four from an alphabet without look-alike
 * characters (no 0/O, 1/I/L, 5/S, 2/Z, 8/B, U/V), 11 random characters from a CSPRNG (about 50 bits) and a
 * final check character that catches any single mistyped character or swapped neighbours before a lookup.
 *
 * <p>A campaign may put a prefix of 1 to 10 characters of the same alphabet in front, joined with a dash:
 * {@code PRMX-K7PM-W3QX-9HTN}. The check character covers the random part only, which is always the last twelve
 * characters: the prefix is a label the shop may print, not a secret, and a mistyped prefix fails the lookup anyway.
 */
public final class DiscountCodes {

    static final String ALPHABET = "34679ACDEFGHJKMNPQRTWXY";
    public static final int MAX_PREFIX_LENGTH = 10;
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

    /** A new code behind the prefix, such as {@code PRMX-K7PM-W3QX-9HTN}; a null prefix gives a plain code. */
    public String next(String prefix) {
        if (prefix == null) {
            return next();
        }
        if (!isValidPrefix(prefix)) {
            throw new IllegalArgumentException(
                    "a code prefix is 1 to " + MAX_PREFIX_LENGTH + " characters of " + ALPHABET + ", not " + prefix);
        }
        return prefix + "-" + next();
    }

    /** Whether the text can prefix codes: 1 to 10 characters of the code alphabet, upper case. */
    public static boolean isValidPrefix(String prefix) {
        return prefix != null
                && !prefix.isEmpty()
                && prefix.length() <= MAX_PREFIX_LENGTH
                && prefix.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /**
     * Whether the text is a well-formed code, with or without a prefix, whose check character matches (dashes, case
     * and spaces are ignored).
     */
    public static boolean isWellFormed(String code) {
        if (!hasGeneratedShape(code)) {
            return false;
        }
        String compact = normalise(code);
        String checked = compact.substring(compact.length() - (RANDOM_LENGTH + 1));
        return checkCharacter(checked.substring(0, RANDOM_LENGTH)) == checked.charAt(RANDOM_LENGTH);
    }

    /**
     * Whether the text has the shape of a code made here, with or without a prefix (its length and alphabet),
     * whatever its check character: only such text can be called mistyped, anything else may be a pool code.
     */
    public static boolean hasGeneratedShape(String code) {
        if (code == null) {
            return false;
        }
        String compact = normalise(code);
        int prefixLength = compact.length() - (RANDOM_LENGTH + 1);
        return prefixLength >= 0
                && prefixLength <= MAX_PREFIX_LENGTH
                && compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }

    /** A code of generated shape as {@link #next(String)} wrote it, however it was typed (case, dashes, spaces). */
    public static String formatted(String code) {
        String compact = normalise(code);
        int prefixLength = Math.max(0, compact.length() - (RANDOM_LENGTH + 1));
        String body = format(compact.substring(prefixLength));
        return prefixLength == 0 ? body : compact.substring(0, prefixLength) + "-" + body;
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
