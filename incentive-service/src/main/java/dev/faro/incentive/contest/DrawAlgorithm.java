package dev.faro.incentive.contest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The contest draw, deterministic from its seed and entries so that anyone can recompute it (docs/api.md gives the
 * same steps):
 *
 * <ol>
 *   <li>The entries are the incentive ids in their lower-case text form, sorted as strings; the entry list is each
 *       id followed by a line feed, and its SHA-256 in hex is the entries hash.
 *   <li>A stream of blocks: HMAC-SHA256 keyed with the seed's UTF-8 bytes over a counter (8 bytes, big-endian,
 *       from 0, one per block).
 *   <li>A number below {@code bound}: the first 8 bytes of the next block, big-endian, with the top bit cleared; a
 *       value at or above the largest multiple of {@code bound} not above 2<sup>63</sup> is skipped (so that every
 *       result is equally likely), otherwise the value modulo {@code bound}.
 *   <li>Winner {@code i} (from 0): swap position {@code i} of the list with position {@code i + r}, {@code r} the
 *       next number below {@code entries − i}; the winners are the first positions (a partial Fisher–Yates
 *       shuffle).
 * </ol>
 */
public final class DrawAlgorithm {

    public static final String NAME = "fisher-yates-hmac-sha256-v1";

    private DrawAlgorithm() {}

    /** The entries in the order the draw and the hash use. */
    public static List<UUID> sorted(Collection<UUID> entries) {
        return entries.stream().sorted(Comparator.comparing(UUID::toString)).toList();
    }

    /** The entry list as text: one id a line, in sorted order; what the hash covers. */
    public static String entryList(List<UUID> sortedEntries) {
        StringBuilder list = new StringBuilder();
        sortedEntries.forEach(id -> list.append(id).append('\n'));
        return list.toString();
    }

    public static String entriesHash(List<UUID> sortedEntries) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(entryList(sortedEntries).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The winners in the order drawn, from entries already in {@link #sorted} order. */
    public static List<UUID> winners(List<UUID> sortedEntries, String seed, int count) {
        if (count < 1 || count > sortedEntries.size()) {
            throw new IllegalArgumentException("cannot draw " + count + " of " + sortedEntries.size() + " entries");
        }
        List<UUID> pool = new ArrayList<>(sortedEntries);
        Numbers numbers = new Numbers(seed);
        for (int i = 0; i < count; i++) {
            int j = i + numbers.below(pool.size() - i);
            UUID chosen = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, chosen);
        }
        return List.copyOf(pool.subList(0, count));
    }

    /** Uniform numbers from the seed's HMAC stream. */
    private static final class Numbers {

        private static final long TWO_TO_THE_63_MINUS_ONE = Long.MAX_VALUE;

        private final Mac mac;
        private long counter;

        Numbers(String seed) {
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(seed.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        }

        int below(int bound) {
            // 2^63 mod bound values at the top would make small results likelier: skip them.
            long excess = (TWO_TO_THE_63_MINUS_ONE % bound + 1) % bound;
            long lastAccepted = TWO_TO_THE_63_MINUS_ONE - excess;
            while (true) {
                long value = nextBlockPrefix() & Long.MAX_VALUE;
                if (value <= lastAccepted) {
                    return (int) (value % bound);
                }
            }
        }

        private long nextBlockPrefix() {
            byte[] block = mac.doFinal(
                    ByteBuffer.allocate(Long.BYTES).putLong(counter++).array());
            return ByteBuffer.wrap(block).getLong();
        }
    }
}
