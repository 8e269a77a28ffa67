package dev.faro.email.engagement;

import java.util.regex.Pattern;

/** The form of a campaign id, as the contract's events require it. */
final class CampaignIds {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private CampaignIds() {}

    static boolean isValid(String campaign) {
        return campaign != null && ID.matcher(campaign).matches();
    }
}
