package dev.faro.lead.abuse;

import dev.faro.lead.capture.CaptureRequest;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;

/**
 * Applies the per-campaign limit to {@code POST /api/leads}. The campaign is in the body, so this runs the
 * moment the body has been read into a {@link CaptureRequest}: after the per-address limit and the size limit,
 * before validation, the resource and the database. No resource needs to call it.
 */
@Provider
public class CampaignRateLimit implements ReaderInterceptor {

    private final RateLimits rateLimits;

    public CampaignRateLimit(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        Object body = context.proceed();
        if (body instanceof CaptureRequest lead) {
            rateLimits.admitLeadForCampaign(lead.campaign());
        }
        return body;
    }
}
