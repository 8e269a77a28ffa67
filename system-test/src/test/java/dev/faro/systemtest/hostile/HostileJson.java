package dev.faro.systemtest.hostile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Request bodies for a public JSON endpoint: a valid body with fields replaced by hostile values or wrong types,
 * well-formed JSON of the wrong shape, and bytes that are not JSON at all.
 */
final class HostileJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Values of every JSON type, for any property: wrong types and limits as much as hostile text. */
    static Gen<Object> values() {
        return Generate.frequency(
                Pair.of(6, HostileText.any().map(text -> (Object) text)),
                Pair.of(
                        1,
                        Generate.pick(List.<Object>of(
                                0,
                                -1,
                                Long.MIN_VALUE,
                                1.5,
                                -0.0,
                                new BigDecimal("1e400"),
                                new BigDecimal("123456789012345678901234567890"),
                                true,
                                false))),
                Pair.of(1, Generate.constant(() -> (Object) null)),
                Pair.of(
                        1,
                        Generate.pick(List.<Object>of(List.of(), List.of("a", 1), Map.of(), Map.of("a", List.of())))),
                Pair.of(1, Generate.range(2, 300).map(HostileJson::nested)));
    }

    /**
     * {@code valid} with one to three of its properties (dotted paths reach into nested objects) replaced by hostile
     * values, or an unknown property added.
     */
    static Gen<Body> mutationsOf(Supplier<Map<String, Object>> valid, List<String> properties, Gen<String> addresses) {
        Gen<Pair<String, Object>> mutation = Generate.pick(properties)
                .zip(
                        values(),
                        addresses,
                        (property, value, address) -> Pair.of(property, property.equals("email") ? address : value));
        Gen<List<Pair<String, Object>>> mutations = Generate.range(1, 3)
                .zip(mutation, mutation, mutation, (count, first, second, third) -> List.of(first, second, third)
                        .subList(0, count));
        return mutations.map(chosen -> {
            Map<String, Object> body = deepCopy(valid.get());
            chosen.forEach(change -> put(body, change._1, change._2));
            return new Body(bytes(body));
        });
    }

    /** Anything but a JSON object, or no valid JSON at all. */
    static Gen<Body> malformed(Map<String, Object> valid) {
        byte[] whole = bytes(valid);
        Gen<byte[]> bodies = Generate.frequency(
                Pair.of(2, Generate.range(0, whole.length - 1).map(end -> Arrays.copyOf(whole, end))),
                Pair.of(
                        1,
                        Generate.pick(List.of(
                                        "",
                                        "null",
                                        "[]",
                                        "42",
                                        "\"text\"",
                                        "{",
                                        "}{",
                                        "{\"email\": }",
                                        "{\"email\": \"a@example.org\",}",
                                        "{'email': 'a@example.org'}",
                                        "{\"email\": NaN}",
                                        "{\"email\": \"a@example.org\" /* comment */}",
                                        "{\"email\": \"\\ud800\"}",
                                        "{\"email\": \"a@example.org\", \"email\": \"b@example.org\"}",
                                        "{\"consent\": {\"marketing\": 1e999999}}",
                                        "{\"a\": " + "1".repeat(5_000) + "}"))
                                .map(text -> text.getBytes(StandardCharsets.UTF_8))),
                Pair.of(
                        1,
                        Generate.pick(List.of(
                                new byte[] {(byte) 0xff, (byte) 0xfe},
                                new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xc3, 0x28, '"', '}'},
                                new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'},
                                new byte[] {
                                    '{', '"', 'e', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'
                                }))),
                Pair.of(1, Generate.range(500, 100_000).map(depth -> ("[".repeat(depth) + "]".repeat(depth))
                        .getBytes(StandardCharsets.UTF_8))),
                Pair.of(1, Generate.range(500, 20_000).map(depth -> ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth))
                        .getBytes(StandardCharsets.UTF_8))));
        return bodies.map(Body::new);
    }

    static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object nested(int depth) {
        Object value = "deep";
        for (int i = 0; i < depth; i++) {
            value = i % 2 == 0 ? List.of(value) : Map.of("a", value);
        }
        return value;
    }

    private static void put(Map<String, Object> body, String path, Object value) {
        String[] steps = path.split("\\.");
        Map<String, Object> at = body;
        for (int i = 0; i < steps.length - 1; i++) {
            // A copy even of a map already there: an earlier change may have put an immutable one.
            Map<String, Object> inner = new LinkedHashMap<>();
            if (at.get(steps[i]) instanceof Map<?, ?> existing) {
                existing.forEach((key, held) -> inner.put(String.valueOf(key), held));
            }
            at.put(steps[i], inner);
            at = inner;
        }
        at.put(steps[steps.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            if (value instanceof Map<?, ?> inner) {
                copy.put(key, deepCopy((Map<String, Object>) inner));
            } else if (value instanceof List<?> list) {
                copy.put(key, new ArrayList<>(list));
            } else {
                copy.put(key, value);
            }
        });
        return copy;
    }
}
