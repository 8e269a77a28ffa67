package dev.faro.lead.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts together the export of a lead: lead-service's own records, read in a transaction that ends before the
 * other services are asked, so no database connection waits on the network.
 */
@ApplicationScoped
public class PersonalDataExporter {

    private final LeadRecords records;
    private final ServiceRecords services;

    public PersonalDataExporter(LeadRecords records, ServiceRecords services) {
        this.records = records;
        this.services = services;
    }

    /** Empty when lead-service has no such lead; {@code authorization} is forwarded to the other services. */
    public Optional<PersonalDataExport> export(UUID leadId, String authorization) {
        return records.of(leadId).map(held -> {
            ServiceRecords.Sections sections = services.of(leadId, authorization);
            return new PersonalDataExport(
                    leadId,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    sections.complete(),
                    held.lead(),
                    held.consent(),
                    held.webhookDeliveries(),
                    sections.incentives().content(),
                    sections.emails().content(),
                    sections.analytics().content());
        });
    }
}
