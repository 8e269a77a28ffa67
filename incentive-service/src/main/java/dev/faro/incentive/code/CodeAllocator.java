package dev.faro.incentive.code;

import dev.faro.incentive.pool.CodePools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/**
 * The code for a new incentive. Runs in the issuer's transaction: a pool code is marked allocated in it, so an
 * issue that rolls back gives its code back to the pool.
 */
@ApplicationScoped
public class CodeAllocator {

    private final DiscountCodes codes = new DiscountCodes();
    private final CodePools pools;

    public CodeAllocator(CodePools pools) {
        this.pools = pools;
    }

    /** A generated code, or the next free code of the pool; empty when the pool is exhausted or unknown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> allocate(CodeSpec spec, UUID incentiveId) {
        if (spec.poolId() == null) {
            return Optional.of(codes.next(spec.prefix()));
        }
        return pools.allocate(spec.poolId(), incentiveId);
    }
}
