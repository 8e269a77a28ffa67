package dev.faro.analytics.funnel;

import dev.faro.support.problem.ProblemException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the funnel can be broken down: the {@code groupBy} values and the fact table columns behind them. */
public enum Grouping {
    /** By landing page and variant: variants are named per landing page ("a" of one page is not "a" of another). */
    VARIANT("variant", "landing_page, variant", "variant"),
    PAGE("page", "landing_page", "landing_page"),
    SOURCE("source", "source", "source"),
    DAY("day", "day", "to_char(day, 'YYYY-MM-DD')");

    static final String VALUES = "variant, page, source or day";

    private final String parameter;
    private final String columns;
    private final String key;

    Grouping(String parameter, String columns, String key) {
        this.parameter = parameter;
        this.columns = columns;
        this.key = key;
    }

    /** The value of {@code groupBy} that asks for this grouping. */
    public String parameter() {
        return parameter;
    }

    /** The columns grouped by, in the order groups are listed. */
    String columns() {
        return columns;
    }

    /** The SQL expression of a group's key. */
    String key() {
        return key;
    }

    /** The grouping {@code groupBy} names; none when absent; a 400 naming {@code groupBy} when unknown. */
    static Optional<Grouping> parse(String groupBy) {
        if (groupBy == null || groupBy.isEmpty()) {
            return Optional.empty();
        }
        Grouping grouping = Arrays.stream(values())
                .filter(candidate -> candidate.parameter.equals(groupBy.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalid("groupBy", "must be one of " + VALUES));
        return Optional.of(grouping);
    }
}
