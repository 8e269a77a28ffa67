package dev.faro.analytics.digest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign's digest settings as the admin API reads and writes them. */
@Schema(name = "DigestSettings", description = "Who receives a campaign's digest email, and how often")
public record DigestSettings(
        @Schema(
                        description = "daily (yesterday's figures) or weekly (last Monday to Sunday)",
                        enumeration = {"daily", "weekly"})
                String frequency,
        @Schema(description = "At most 50; marketers' work addresses, not leads") List<Recipient> subscribers) {

    @Schema(name = "DigestSubscriber")
    public record Recipient(
            @Schema(description = "Work address of the marketer", examples = "marketing@example.org") String email,
            @Schema(
                            description = "Language of the digest",
                            enumeration = {"es", "en"})
                    String locale,
            @Schema(description = "IANA time zone whose days and weeks the digest follows", examples = "Europe/Madrid")
                    String timeZone) {}

    static DigestSettings of(DigestSubscription subscription) {
        return new DigestSettings(
                subscription.frequency().label(),
                subscription.subscribers().stream()
                        .map(s -> new Recipient(s.email(), s.locale(), s.timeZone()))
                        .toList());
    }
}
