package dev.faro.incentive.offer;

import java.time.Duration;

/** What a campaign's leads receive: a discount, content to download, or both, valid for a while after issue. */
public record Offer(Integer discountPercent, String contentTitle, String contentUrl, Duration validity) {}
