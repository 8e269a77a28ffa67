package dev.faro.analytics.digest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which digests are due at a given instant. Each group of a subscription's subscribers with the same language and
 * time zone gets its own digest of the latest period that has ended in that zone. A period counts as ended once
 * it is over both in the subscriber's zone and in UTC (the figures are summed over UTC days, so the last UTC
 * day must be complete too), plus the settle time. Only the latest period is considered: after an outage longer
 * than a period, the older digest is not sent late.
 */
final class DigestSchedule {

    private final Duration settleTime;

    DigestSchedule(Duration settleTime) {
        this.settleTime = settleTime;
    }

    List<DueDigest> due(DigestSubscription subscription, Instant now) {
        Map<List<String>, List<Subscriber>> groups = new LinkedHashMap<>();
        for (Subscriber subscriber : subscription.subscribers()) {
            groups.computeIfAbsent(List.of(subscriber.locale(), subscriber.timeZone()), key -> new ArrayList<>())
                    .add(subscriber);
        }
        List<DueDigest> due = new ArrayList<>();
        groups.forEach((key, group) -> dueFor(subscription, key.get(1), now)
                .ifPresent(period -> due.add(new DueDigest(
                        subscription.campaign(), subscription.frequency(), period, key.get(0), key.get(1), group))));
        return due;
    }

    private Optional<Period> dueFor(DigestSubscription subscription, String timeZone, Instant now) {
        ZoneId zone = ZoneId.of(timeZone);
        Period period = subscription.frequency().lastEndedBefore(LocalDate.ofInstant(now, zone));
        Instant endedLocally = period.end().plusDays(1).atStartOfDay(zone).toInstant();
        Instant endedInUtc =
                period.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant ready = (endedLocally.isAfter(endedInUtc) ? endedLocally : endedInUtc).plus(settleTime);
        boolean subscribedBeforeItEnded = endedLocally.isAfter(subscription.since());
        return !now.isBefore(ready) && subscribedBeforeItEnded ? Optional.of(period) : Optional.empty();
    }
}
