package dev.faro.email.reconciliation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What became of each lead a reconciliation asked about, one entry per lead, in the order asked. */
@Schema(name = "LeadLedgerReport", description = "One entry per lead asked, in the order asked")
public record LeadLedgerReport(List<LeadLedger> leads) {}
