package dev.faro.email.sending;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.support.observability.TraceContext;
import java.util.UUID;

/**
 * A ledger row claimed for one attempt; {@code attempt} fences the outcome against a later claim, and
 * {@code trace} is the context of the event that caused the message. {@code params} is the intent's JSON.
 */
public record DueMessage(
        long id,
        UUID leadId,
        String kind,
        int step,
        String campaign,
        String params,
        String messageId,
        int attempt,
        Recipient recipient,
        TraceContext trace) {

    /**
     * The params read as {@code type}. Params that no longer read that way (recorded by an older version, say) will not
     * read better at the next attempt, so the message cannot be written. The parser's message may quote the params,
     * which hold personal data: it stays out of the reason.
     */
    public <P> P readParams(ObjectMapper mapper, Class<P> type) {
        try {
            return mapper.readValue(params, type);
        } catch (JsonProcessingException e) {
            throw new UnwritableMessageException("its params do not read as the " + kind + " email's");
        }
    }
}
