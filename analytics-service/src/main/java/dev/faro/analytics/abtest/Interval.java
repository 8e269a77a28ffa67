package dev.faro.analytics.abtest;

/** A closed interval of real numbers, such as a confidence interval for a rate or a difference of rates. */
public record Interval(double low, double high) {

    boolean within(double lowerBound, double upperBound) {
        return low >= lowerBound && high <= upperBound;
    }

    Interval intersect(Interval other) {
        return new Interval(Math.max(low, other.low), Math.min(high, other.high));
    }
}
