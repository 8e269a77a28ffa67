package dev.faro.email.digest;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The chart of a digest, checked before it goes into anyone's mail: base64 that decodes, at most
 * {@value #MAX_BYTES} bytes, and really a PNG (its signature, not just a claim).
 */
final class ChartImage {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The content type the image is attached with; the only one accepted. */
    static final String CONTENT_TYPE = "image/png";

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    /** The length of {@link #MAX_BYTES} in base64 (one line, as JSON carries it): longer is refused undecoded. */
    private static final int MAX_BASE64_CHARS = (MAX_BYTES + 2) / 3 * 4;

    private ChartImage() {}

    /** The decoded PNG, or why it is not acceptable. */
    static Result check(String base64) {
        if (base64 == null || base64.isBlank()) {
            return Result.none();
        }
        String compact = base64.strip();
        if (compact.length() > MAX_BASE64_CHARS) {
            return Result.refused("larger than " + MAX_BYTES + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return Result.refused("not base64");
        }
        if (bytes.length > MAX_BYTES) {
            return Result.refused("larger than " + MAX_BYTES + " bytes");
        }
        if (bytes.length <= PNG_SIGNATURE.length
                || !Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            return Result.refused("not a PNG image");
        }
        return Result.accepted(bytes);
    }

    /** A chart that passed ({@code png} set), was absent, or was refused ({@code refusal} says why). */
    record Result(byte[] png, String refusal) {

        static Result none() {
            return new Result(null, null);
        }

        static Result accepted(byte[] png) {
            return new Result(png, null);
        }

        static Result refused(String why) {
            return new Result(null, why);
        }

        Optional<byte[]> image() {
            return Optional.ofNullable(png);
        }

        boolean refused() {
            return refusal != null;
        }
    }
}
