package dev.faro.bench.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Finds the highest rate a server sustains: steps up from {@code startRate} by ×{@code growth} until a step fails
 * the {@link SustainRule} (or {@code maxRate} is reached), then bisects between the last sustained rate and the
 * first failed one {@code bisections} times. When even the start rate fails, it steps down by the same factor
 * until one is sustained, then bisects the same way. Each step is one short {@link StepRunner#run} call.
 */
public final class SustainedRate {

    /** Runs one step at a rate; normally a short {@link OpenModelLoad#run}. */
    @FunctionalInterface
    public interface StepRunner {
        LoadResult run(double rate) throws Exception;
    }

    /** One step and its verdict; {@code failure} is empty when the step was sustained. */
    public record Step(double rate, LoadResult result, Optional<String> failure) {
        public boolean sustained() {
            return failure.isEmpty();
        }
    }

    /**
     * The outcome: {@code rate} is the highest sustained rate (0 if none was), {@code best} its step (null if none).
     */
    public record Outcome(double rate, Step best, List<Step> steps, String rule) {}

    private final SustainRule rule;
    private final double startRate;
    private final double growth;
    private final double maxRate;
    private final double minRate;
    private final int bisections;

    public SustainedRate(
            SustainRule rule, double startRate, double growth, double maxRate, double minRate, int bisections) {
        if (!(growth > 1) || !(startRate > 0) || maxRate < startRate || !(minRate > 0) || minRate > startRate) {
            throw new IllegalArgumentException("need 0 < minRate ≤ startRate ≤ maxRate and growth > 1");
        }
        this.rule = rule;
        this.startRate = startRate;
        this.growth = growth;
        this.maxRate = maxRate;
        this.minRate = minRate;
        this.bisections = bisections;
    }

    /** ×1.5 steps from {@code startRate}, two bisections, no floor below 1/s. */
    public static SustainedRate from(double startRate, double maxRate, SustainRule rule) {
        return new SustainedRate(rule, startRate, 1.5, maxRate, 1, 2);
    }

    public Outcome search(StepRunner runner) throws Exception {
        List<Step> steps = new ArrayList<>();
        Step best = null;
        Step firstFailed = null;
        Step first = step(runner, startRate, steps);
        if (first.sustained()) {
            best = first;
            while (best.rate() < maxRate) {
                Step next = step(runner, Math.min(maxRate, best.rate() * growth), steps);
                if (!next.sustained()) {
                    firstFailed = next;
                    break;
                }
                best = next;
            }
        } else {
            firstFailed = first;
            while (firstFailed.rate() / growth >= minRate) {
                Step lower = step(runner, firstFailed.rate() / growth, steps);
                if (lower.sustained()) {
                    best = lower;
                    break;
                }
                firstFailed = lower;
            }
        }
        if (best != null && firstFailed != null) {
            double high = firstFailed.rate();
            for (int i = 0; i < bisections; i++) {
                Step middle = step(runner, (best.rate() + high) / 2, steps);
                if (middle.sustained()) {
                    best = middle;
                } else {
                    high = middle.rate();
                }
            }
        }
        return new Outcome(best == null ? 0 : best.rate(), best, Collections.unmodifiableList(steps), rule.describe());
    }

    private Step step(StepRunner runner, double rate, List<Step> steps) throws Exception {
        LoadResult result = runner.run(rate);
        Step step = new Step(rate, result, rule.failure(result));
        steps.add(step);
        return step;
    }
}
