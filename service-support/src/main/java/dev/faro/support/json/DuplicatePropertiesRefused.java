package dev.faro.support.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A JSON object that names a property twice is refused as malformed instead of being read one way or another.
 * Parsers disagree on which copy wins (the first, the last, an error), so a body such as {@code {"email": "a@x.org",
 * "email": "b@y.org"}} could be checked by one reader and acted on by another as a different request; and a
 * record's creator, given a property twice, fails in Jackson with a definition error that ends as a 500.
 */
@Singleton
public class DuplicatePropertiesRefused implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        return mapper;
    }
}
