package dev.faro.analytics.digest;

import java.time.Instant;
import java.util.List;

/**
 * Who receives a campaign's digest and how often.
 *
 * @param since when the frequency was set: only periods that end after it get a digest, so subscribing does not
 *     send last period's digest out of the blue
 */
public record DigestSubscription(String campaign, Frequency frequency, List<Subscriber> subscribers, Instant since) {}
