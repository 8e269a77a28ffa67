package dev.faro.analytics.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/** Figures worked out by hand, checked against a funnel (or one group of it) as the API returned it. */
final class ExpectedFigures {

    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Map<String, BigDecimal> decimals = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();

    static ExpectedFigures expect() {
        return new ExpectedFigures();
    }

    ExpectedFigures count(String figure, long value) {
        counts.put(figure, value);
        return this;
    }

    ExpectedFigures decimal(String figure, String value) {
        decimals.put(figure, new BigDecimal(value));
        return this;
    }

    /** A figure that must be null: its denominator is zero or unknown. */
    ExpectedFigures none(String figure) {
        decimals.put(figure, null);
        return this;
    }

    ExpectedFigures text(String figure, String value) {
        texts.put(figure, value);
        return this;
    }

    void check(String what, JsonNode actual) {
        assertThat(actual).as(what).isNotNull();
        SoftAssertions softly = new SoftAssertions();
        counts.forEach((figure, value) -> softly.assertThat(actual.path(figure).asLong(-1))
                .as(what + " " + figure)
                .isEqualTo(value));
        decimals.forEach((figure, value) -> {
            JsonNode node = actual.path(figure);
            if (value == null) {
                softly.assertThat(node.isNull())
                        .as(what + " " + figure + " is null, was " + node)
                        .isTrue();
            } else {
                softly.assertThat(node.isNumber())
                        .as(what + " " + figure + " is a number, was " + node)
                        .isTrue();
                softly.assertThat(node.decimalValue()).as(what + " " + figure).isEqualByComparingTo(value);
            }
        });
        texts.forEach((figure, value) -> softly.assertThat(
                        actual.path(figure).isNull()
                                ? null
                                : actual.path(figure).asText())
                .as(what + " " + figure)
                .isEqualTo(value));
        softly.assertAll();
    }

    /** The group of {@code funnel} whose key (and landing page, when given) matches. */
    static JsonNode group(JsonNode funnel, String key) {
        for (JsonNode group : funnel.path("groups")) {
            if (group.path("key").asText().equals(key)) {
                return group;
            }
        }
        return null;
    }
}
