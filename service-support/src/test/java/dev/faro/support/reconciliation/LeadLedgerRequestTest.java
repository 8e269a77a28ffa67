package dev.faro.support.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.faro.support.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LeadLedgerRequestTest {

    @Test
    void idsAreParsedOnceEachInTheOrderGiven() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        var leads = new LeadLedgerRequest(List.of(second.toString(), first.toString(), second.toString())).leads();

        assertThat(leads).containsExactly(second, first);
    }

    @Test
    void aMalformedIdIsAProblemNamingTheField() {
        var request = new LeadLedgerRequest(Arrays.asList(UUID.randomUUID().toString(), "1-1-1-1-1", null));

        assertThatThrownBy(request::leads).isInstanceOfSatisfying(ProblemException.class, problem -> assertThat(
                        problem.problem().errors())
                .singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("leadIds");
                    assertThat(error.message()).isEqualTo("not lead ids: 2 of 3");
                }));
    }

    @Test
    void moreIdsThanAPageAndNoIdsAtAllAreRefused() {
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= LeadLedgerRequest.MAX_LEADS; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }

        assertThatThrownBy(() -> new LeadLedgerRequest(tooMany).leads()).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> new LeadLedgerRequest(null).leads()).isInstanceOf(ProblemException.class);
    }
}
