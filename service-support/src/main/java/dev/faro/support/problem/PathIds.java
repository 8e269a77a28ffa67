package dev.faro.support.problem;

import java.util.UUID;
import java.util.function.Supplier;

/** Ids in URL paths: a segment that is not a UUID names nothing, so it is answered like an unknown id. */
public final class PathIds {

    private PathIds() {}

    public static UUID uuid(String segment, Supplier<? extends RuntimeException> notFound) {
        try {
            return UUID.fromString(segment);
        } catch (IllegalArgumentException notAUuid) {
            throw notFound.get();
        }
    }
}
