package dev.faro.analytics.digest;

import java.util.List;

/** A digest to compose: a campaign's period for one group of subscribers sharing language and time zone. */
record DueDigest(
        String campaign, Frequency frequency, Period period, String locale, String timeZone, List<Subscriber> group) {}
