package dev.faro.incentive.pool;

import static dev.faro.incentive.pool.PoolApi.pool;
import static dev.faro.incentive.pool.PoolApi.poolWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import dev.faro.incentive.code.CodeAllocator;
import dev.faro.incentive.code.CodeSpec;
import dev.faro.incentive.code.DiscountCodes;
import dev.faro.local.testing.FaroInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_incentive"))
class CodeAllocationTest {

    @Inject
    CodeAllocator allocator;

    @Inject
    PoolRows rows;

    @Test
    void concurrentIssuesNeverHandOneCodeToTwoLeads() throws Exception {
        String poolId = poolWith(50, 0);
        Map<String, UUID> handedOut = new ConcurrentHashMap<>();
        List<String> duplicates = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(threads.submit(() -> {
                    while (true) {
                        UUID incentiveId = UUID.randomUUID();
                        Optional<String> code = allocate(CodeSpec.fromPool(poolId), incentiveId);
                        if (code.isEmpty()) {
                            return;
                        }
                        if (handedOut.putIfAbsent(code.get(), incentiveId) != null) {
                            synchronized (duplicates) {
                                duplicates.add(code.get());
                            }
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(duplicates).isEmpty();
        assertThat(handedOut).hasSize(50);
        assertThat(rows.allocations(poolId)).isEqualTo(handedOut);
        assertThat(allocate(CodeSpec.fromPool(poolId), UUID.randomUUID())).isEmpty();
        pool(poolId).body("allocated", equalTo(50)).body("remaining", equalTo(0));
    }

    @Test
    void anIssueThatRollsBackGivesItsCodeBack() {
        String poolId = poolWith(3, 0);
        List<String> taken = new ArrayList<>();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    taken.add(allocator
                            .allocate(CodeSpec.fromPool(poolId), UUID.randomUUID())
                            .orElseThrow());
                    throw new IllegalStateException("the issue failed after taking a code");
                }))
                .hasStackTraceContaining("the issue failed after taking a code");

        assertThat(rows.allocations(poolId)).isEmpty();
        UUID incentiveId = UUID.randomUUID();
        assertThat(allocate(CodeSpec.fromPool(poolId), incentiveId)).contains(taken.get(0));
        assertThat(rows.allocations(poolId)).containsExactly(Map.entry(taken.get(0), incentiveId));
    }

    @Test
    void anExhaustedOrUnknownPoolGivesNoCode() {
        String poolId = poolWith(1, 0);

        assertThat(allocate(CodeSpec.fromPool(poolId), UUID.randomUUID())).isPresent();
        assertThat(allocate(CodeSpec.fromPool(poolId), UUID.randomUUID())).isEmpty();
        assertThat(allocate(CodeSpec.fromPool("no-such-pool"), UUID.randomUUID()))
                .isEmpty();
    }

    @Test
    void withoutAPoolTheCodeIsGeneratedBehindThePrefix() {
        String code = allocate(CodeSpec.generated("HQ"), UUID.randomUUID()).orElseThrow();

        assertThat(code).startsWith("HQ-");
        assertThat(DiscountCodes.isWellFormed(code)).isTrue();
        assertThat(DiscountCodes.isWellFormed(
                        allocate(CodeSpec.generated(), UUID.randomUUID()).orElseThrow()))
                .isTrue();
    }

    @Test
    void allocationOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> allocator.allocate(CodeSpec.generated(), UUID.randomUUID()))
                .isInstanceOf(TransactionalException.class);
    }

    private Optional<String> allocate(CodeSpec spec, UUID incentiveId) {
        return QuarkusTransaction.requiringNew().call(() -> allocator.allocate(spec, incentiveId));
    }
}
