package dev.faro.analytics.abtest;

/** Visitors and leads of one variant, summed over some days. */
public record VariantCounts(String variant, long visitors, long leads) {

    /** Leads per visitor as a fraction; 0 without visitors, and never above 1 for the statistics. */
    double rate() {
        return visitors == 0 ? 0 : Math.min(1.0, (double) leads / visitors);
    }

    VariantCounts plus(long moreVisitors, long moreLeads) {
        return new VariantCounts(variant, visitors + moreVisitors, leads + moreLeads);
    }
}
