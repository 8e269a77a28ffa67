package dev.faro.contract.events;

import java.util.Map;

/**
 * What a {@link LeadCaptured} says about the person, travelling sealed. Counting dimensions (campaign, page,
 * variant, UTM, timestamps) stay outside, in clear, so the funnel never needs a key. Custom field values are
 * strings, numbers or booleans as the campaign declared them.
 */
public record PersonalData(
        String email,
        String name,
        String phone,
        String company,
        String truncatedIp,
        String userAgent,
        Map<String, Object> customFields) {}
