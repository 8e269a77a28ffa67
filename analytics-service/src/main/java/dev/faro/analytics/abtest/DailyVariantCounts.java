package dev.faro.analytics.abtest;

import java.time.LocalDate;

/** Visitors and leads of one variant on one UTC day, as the fact table holds them. */
public record DailyVariantCounts(LocalDate day, String variant, long visitors, long leads) {}
