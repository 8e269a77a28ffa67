package dev.faro.email.engagement;

import dev.faro.email.sending.ComposedMail;
import dev.faro.email.sending.DueMessage;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.sending.MailFinisher;
import dev.faro.support.campaign.CampaignSlugs;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Adds the open pixel and tracked links to the HTML of mail sent to leads (requested and marketing mail) of a
 * campaign that has tracking on. The text part is never changed: a reader of plain text sees the real addresses.
 */
@ApplicationScoped
public class TrackingFinisher implements MailFinisher {

    private final CampaignEngagement engagement;
    private final TrackingLinks links;

    public TrackingFinisher(CampaignEngagement engagement, TrackingLinks links) {
        this.engagement = engagement;
        this.links = links;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public ComposedMail finish(DueMessage message, MailCategory category, ComposedMail mail) {
        if (mail.html() == null || !isToALead(category) || !CampaignSlugs.isSlug(message.campaign())) {
            return mail;
        }
        if (!engagement.isTracked(message.campaign())) {
            return mail;
        }
        TrackedMessage tracked = new TrackedMessage(message.leadId(), message.campaign(), message.messageId());
        return mail.withHtml(HtmlTracking.track(mail.html(), tracked, links));
    }

    private static boolean isToALead(MailCategory category) {
        return category == MailCategory.REQUESTED || category == MailCategory.MARKETING;
    }
}
