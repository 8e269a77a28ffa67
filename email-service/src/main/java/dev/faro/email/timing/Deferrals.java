package dev.faro.email.timing;

import dev.faro.email.sending.SendVerdict;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Postpones marketing mail and counts why, as {@code faro.email.timing.deferrals} tagged with the reason. */
@ApplicationScoped
public class Deferrals {

    static final String METER = "faro.email.timing.deferrals";

    private final MeterRegistry meters;

    public Deferrals(MeterRegistry meters) {
        this.meters = meters;
    }

    SendVerdict until(Instant until, Reason reason, String detail) {
        meters.counter(METER, "reason", reason.tag()).increment();
        return SendVerdict.deferUntil(until, reason.tag() + ": " + detail);
    }

    enum Reason {
        QUIET_HOURS("quiet-hours"),
        FREQUENCY_CAP("frequency-cap"),
        SEND_RATE("send-rate");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        String tag() {
            return tag;
        }
    }
}
