package dev.faro.lead.abuse;

import dev.faro.support.problem.Problem;
import dev.faro.support.problem.ProblemException;
import java.util.List;

/** A request refused by a rate limit: a 429 problem with a Retry-After. */
public class RateLimited extends ProblemException {

    private final RateLimit limit;
    private final long retryAfterSeconds;

    RateLimited(RateLimit limit, String detail, long retryAfterSeconds) {
        super(Problem.of("rate-limited", "Too many requests", 429, detail, List.of()));
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public RateLimit limit() {
        return limit;
    }

    /** Whole seconds until the limit admits this client again; at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A refusal is an expected outcome, not a bug: a bot hitting the limit should not pay for stack traces. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
