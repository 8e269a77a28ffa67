package dev.faro.lead.leads;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The columns of the leads export, one record per lead, with a header row naming them. */
final class LeadCsv {

    static final List<String> HEADER = List.of(
            "id",
            "campaign",
            "created_at",
            "status",
            "confirmed_at",
            "email",
            "name",
            "phone",
            "company",
            "locale",
            "time_zone",
            "marketing_consent",
            "consent_given_at",
            "landing_page",
            "variant",
            "visitor_id",
            "referrer",
            "utm_source",
            "utm_medium",
            "utm_campaign",
            "utm_term",
            "utm_content");

    private LeadCsv() {}

    static List<String> record(LeadView lead) {
        return Arrays.asList(
                lead.id().toString(),
                lead.campaign(),
                text(lead.createdAt()),
                lead.status(),
                text(lead.confirmedAt()),
                lead.email(),
                lead.name(),
                lead.phone(),
                lead.company(),
                lead.locale(),
                lead.timeZone(),
                lead.consent().marketing() ? "yes" : "no",
                text(lead.consent().givenAt()),
                lead.attribution().landingPage(),
                lead.attribution().variant(),
                lead.attribution().visitorId(),
                lead.attribution().referrer(),
                lead.utm().source(),
                lead.utm().medium(),
                lead.utm().campaign(),
                lead.utm().term(),
                lead.utm().content());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
