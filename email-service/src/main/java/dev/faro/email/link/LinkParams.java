package dev.faro.email.link;

import java.time.Instant;

/**
 * What an email carrying a one-time link needs: the link, when it stops working, and the lead's language when the
 * link was asked for (a later submission may have changed it since the contact was saved).
 */
public record LinkParams(String url, Instant expiresAt, String locale) {}
