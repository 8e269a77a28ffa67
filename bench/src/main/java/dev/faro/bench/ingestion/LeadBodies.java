package dev.faro.bench.ingestion;

import java.util.function.LongFunction;

/**
 * The body of {@code POST /api/leads} the README shows, for the demo campaign, with an address of its own per
 * request: {@code bench-<run>-<sequence>@example.org}, so that every request creates a lead rather than updating
 * one, and two runs never collide.
 */
final class LeadBodies implements LongFunction<String> {

    static final String CAMPAIGN = "demo";

    private final String run;

    LeadBodies(String run) {
        if (!run.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("a run id goes into an address: lower-case letters, digits, '-'");
        }
        this.run = run;
    }

    @Override
    public String apply(long sequence) {
        return "{\"email\":\"bench-" + run + "-" + sequence + "@example.org\",\"name\":\"Lucía Bench\",\"campaign\":\""
                + CAMPAIGN + "\",\"consent\":{\"marketing\":true},\"locale\":\"es\"}";
    }
}
