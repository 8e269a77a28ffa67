package dev.faro.lead.leads;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Streams every lead of a campaign matching a filter as CSV. It reads a batch at a time, each in its own short
 * transaction, so an export of any size holds neither a transaction open nor all rows in memory; a lead
 * captured while the export runs is newer than where it started and is left out.
 */
@ApplicationScoped
class LeadCsvExport {

    static final int BATCH = 500;

    private final LeadReader reader;

    LeadCsvExport(LeadReader reader) {
        this.reader = reader;
    }

    void write(String campaign, LeadFilter filter, OutputStream out) throws IOException {
        CsvWriter csv = new CsvWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        csv.row(LeadCsv.HEADER);
        LeadCursor after = null;
        do {
            LeadPage page = reader.page(campaign, filter, after, BATCH);
            for (LeadView lead : page.leads()) {
                csv.row(LeadCsv.record(lead));
            }
            csv.flush();
            after = LeadCursor.decode(page.nextCursor());
        } while (after != null);
    }
}
