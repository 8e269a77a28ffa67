package dev.faro.incentive.code;

/**
 * Where an incentive's code comes from: a generated code, optionally behind {@code prefix}, or, with a
 * {@code poolId}, the next free code of that imported pool (the prefix does not apply: pool codes are the shop's).
 */
public record CodeSpec(String prefix, String poolId) {

    public CodeSpec {
        if (prefix != null && !DiscountCodes.isValidPrefix(prefix)) {
            throw new IllegalArgumentException("a code prefix is 1 to " + DiscountCodes.MAX_PREFIX_LENGTH
                    + " characters of " + DiscountCodes.ALPHABET + ", not " + prefix);
        }
    }

    public static CodeSpec generated() {
        return new CodeSpec(null, null);
    }

    public static CodeSpec generated(String prefix) {
        return new CodeSpec(prefix, null);
    }

    public static CodeSpec fromPool(String poolId) {
        return new CodeSpec(null, poolId);
    }
}
