package dev.faro.bench.endtoend;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Every measured lead's stamps (µs since the epoch; empty where missing), one row each, for {@code journeys.csv}. */
final class JourneysCsv {

    static final String HEADER =
            "address,lead_id,sent_us,lead_captured_record_us,incentive_started_us,incentive_issued_record_us,"
                    + "email_queued_us,smtp_accepted_us";

    private JourneysCsv() {}

    static String row(LeadJourney journey) {
        return journey.address() + "," + text(journey.leadId()) + "," + journey.sentMicros() + ","
                + text(journey.leadCapturedMicros()) + "," + text(journey.incentiveStartedMicros()) + ","
                + text(journey.incentiveIssuedMicros()) + "," + text(journey.emailQueuedMicros()) + ","
                + text(journey.smtpAcceptedMicros());
    }

    static void write(Path file, List<LeadJourney> journeys) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.println(HEADER);
            journeys.forEach(journey -> out.println(row(journey)));
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
