package dev.faro.analytics.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.contract.events.CampaignChanged;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FunnelFiguresTest {

    private static FunnelCounts counts(long visitors, long leads, long redemptions, String revenue) {
        return new FunnelCounts(visitors, leads, 0, 0, 3, 0, 0, 0, redemptions, new BigDecimal(revenue), 1, 0);
    }

    private static Optional<Spend> eur(String amount) {
        return Optional.of(new Spend(new BigDecimal(amount), "EUR"));
    }

    @Test
    void ratesArePercentagesRoundedHalfUpToTwoPlaces() {
        FunnelFigures figures = FunnelFigures.of(counts(3, 2, 1, "0"), Optional.empty(), Set.of());

        assertThat(figures.conversionRate()).isEqualByComparingTo("66.67"); // 2 / 3 × 100 = 66.666…
        assertThat(figures.leadToCustomerRate()).isEqualByComparingTo("50.00");
        assertThat(figures.unsubscribeRate()).isEqualByComparingTo("33.33"); // 1 / 3 × 100
        assertThat(FunnelFigures.percent(1, 8)).isEqualByComparingTo("12.50"); // 12.5 exactly
        assertThat(FunnelFigures.percent(1, 800)).isEqualByComparingTo("0.13"); // 0.125 rounds up
    }

    @Test
    void figuresWithoutADenominatorAreNullNotZero() {
        FunnelFigures figures = FunnelFigures.of(
                new FunnelCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0), eur("10"), Set.of());

        assertThat(figures.conversionRate()).isNull();
        assertThat(figures.leadToCustomerRate()).isNull();
        assertThat(figures.unsubscribeRate()).isNull();
        assertThat(figures.costPerLead()).isNull();
    }

    @Test
    void costPerLeadAndRoiComeFromTheSpend() {
        FunnelFigures figures = FunnelFigures.of(counts(100, 8, 2, "130.00"), eur("100"), Set.of("EUR"));

        assertThat(figures.costPerLead()).isEqualByComparingTo("12.50"); // 100 / 8
        assertThat(figures.roi()).isEqualByComparingTo("0.30"); // (130 − 100) / 100
        assertThat(figures.currency()).isEqualTo("EUR");
    }

    @Test
    void noSpendMeansNoCostPerLeadNorRoi() {
        FunnelFigures figures = FunnelFigures.of(counts(100, 8, 2, "130.00"), Optional.empty(), Set.of("EUR"));

        assertThat(figures.costPerLead()).isNull();
        assertThat(figures.roi()).isNull();
    }

    @Test
    void roiIsNullWhenRevenueAndSpendAreInDifferentCurrencies() {
        assertThat(FunnelFigures.of(counts(100, 8, 2, "130.00"), eur("100"), Set.of("USD"))
                        .roi())
                .isNull();
        FunnelFigures mixed = FunnelFigures.of(counts(100, 8, 2, "130.00"), eur("100"), Set.of("EUR", "USD"));
        assertThat(mixed.roi()).isNull();
        assertThat(mixed.currency()).isNull();
    }

    @Test
    void spendIsSummedPerCampaignAndPerSourceButNotAcrossCurrencies() {
        CampaignChanged campaign = campaign(List.of(
                new CampaignChanged.Spend("newsletter", new BigDecimal("30"), "EUR"),
                new CampaignChanged.Spend("ads", new BigDecimal("45.5"), "EUR"),
                new CampaignChanged.Spend("ads", new BigDecimal("4.5"), "EUR")));

        assertThat(Spend.total(Optional.of(campaign))).contains(new Spend(new BigDecimal("80.0"), "EUR"));
        assertThat(Spend.onSource(Optional.of(campaign), "ads")).contains(new Spend(new BigDecimal("50.0"), "EUR"));
        assertThat(Spend.onSource(Optional.of(campaign), "social")).isEmpty();
        assertThat(Spend.total(Optional.of(campaign(List.of(
                        new CampaignChanged.Spend("newsletter", BigDecimal.ONE, "EUR"),
                        new CampaignChanged.Spend("ads", BigDecimal.ONE, "USD"))))))
                .isEmpty();
        assertThat(Spend.total(Optional.empty())).isEmpty();
    }

    private static CampaignChanged campaign(List<CampaignChanged.Spend> spend) {
        return new CampaignChanged("demo", 1, "Demo", "es", "UTC", false, false, List.of(), null, spend, null);
    }
}
