package dev.faro.email.timing;

import dev.faro.email.sending.DueMessage;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.sending.SendGate;
import dev.faro.email.sending.SendVerdict;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Holds marketing mail that would reach a lead during their night until the quiet hours end where they live. */
@ApplicationScoped
public class QuietHoursGate implements SendGate {

    private static final DateTimeFormatter LOCAL_END = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final QuietHours quietHours;
    private final LeadTimeZones zones;
    private final Deferrals deferrals;

    public QuietHoursGate(TimingConfig config, LeadTimeZones zones, Deferrals deferrals) {
        this.quietHours =
                new QuietHours(config.quietHours().start(), config.quietHours().end());
        this.zones = zones;
        this.deferrals = deferrals;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public SendVerdict check(DueMessage message, MailCategory category) {
        if (category != MailCategory.MARKETING || quietHours.isOff()) {
            return SendVerdict.go();
        }
        ZoneId zone = zones.of(message.leadId(), message.campaign());
        return quietHours
                .windowEnd(Instant.now(), zone)
                .map(end -> deferrals.until(
                        end,
                        Deferrals.Reason.QUIET_HOURS,
                        "held until " + LOCAL_END.format(ZonedDateTime.ofInstant(end, zone)) + " " + zone.getId()))
                .orElse(SendVerdict.go());
    }
}
