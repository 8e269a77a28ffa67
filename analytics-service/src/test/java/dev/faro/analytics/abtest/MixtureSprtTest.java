package dev.faro.analytics.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MixtureSprtTest {

    private final MixtureSprt test = new MixtureSprt(0.02);

    @Test
    void threePointsOfLiftOnAThousandVisitorsEachIsNotYetEnough() {
        // pA = 0.05, pB = 0.08, s² = 0.05·0.95/1000 + 0.08·0.92/1000 = 1.211e-4, τ² = 4e-4, s² + τ² = 5.211e-4.
        // ln Λ = ½ ln(1.211/5.211) + 0.03² · 4e-4 / (2 · 1.211e-4 · 5.211e-4) = −0.72965 + 2.85237 = 2.12272.
        MixtureSprt.Look look = test.look(counts("a", 1000, 50), counts("b", 1000, 80), 0.05);

        assertThat(look.difference()).isCloseTo(0.03, within(1e-12));
        assertThat(look.logLikelihoodRatio()).isCloseTo(2.12272, within(1e-4));
        assertThat(look.pValue()).isCloseTo(0.11971, within(1e-4));
        // Half-width sqrt(2 s² (s² + τ²)/τ² · (ln 20 + ½ ln(5.211/1.211))) = 0.06428: the interval includes 0.
        assertThat(look.interval().low()).isCloseTo(-0.00428, within(1e-4));
        assertThat(look.interval().high()).isCloseTo(0.06428, within(1e-4));
    }

    @Test
    void theSameLiftOnTwiceTheVisitorsIsADifference() {
        MixtureSprt.Look look = test.look(counts("a", 2000, 100), counts("b", 2000, 160), 0.05);

        assertThat(look.pValue()).isCloseTo(0.00434, within(1e-4));
        assertThat(look.interval().low()).isCloseTo(0.00635, within(1e-4));
        assertThat(look.interval().high()).isCloseTo(0.05365, within(1e-4));
    }

    @Test
    void equalRatesGiveNoEvidenceAtAll() {
        MixtureSprt.Look look = test.look(counts("a", 20000, 1000), counts("b", 20000, 1000), 0.05);

        assertThat(look.pValue()).isEqualTo(1.0);
        assertThat(look.interval().high()).isCloseTo(0.00708, within(1e-4));
    }

    @Test
    void ratesOfExactlyZeroCarryNoInformation() {
        MixtureSprt.Look look = test.look(counts("a", 500, 0), counts("b", 500, 0), 0.05);

        assertThat(look.pValue()).isEqualTo(1.0);
    }

    private static VariantCounts counts(String variant, long visitors, long leads) {
        return new VariantCounts(variant, visitors, leads);
    }
}
