package dev.faro.email.nurture;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faro.email.sending.DueMessage;
import dev.faro.email.sending.MailCategory;
import dev.faro.email.sending.SendGate;
import dev.faro.email.sending.SendVerdict;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A nurture step's condition, asked when the step is due: a {@code not-redeemed} step for a lead who has redeemed
 * its incentive by then is cancelled, which also ends the sequence. A redemption already cancels the steps waiting
 * when it arrives (see V7); this covers the step scheduled after it, and one claimed while it arrives.
 */
@ApplicationScoped
public class NurtureConditionGate implements SendGate {

    private final NurtureRedemptions redemptions;
    private final ObjectMapper mapper;

    public NurtureConditionGate(NurtureRedemptions redemptions, ObjectMapper mapper) {
        this.redemptions = redemptions;
        this.mapper = mapper;
    }

    /** After suppression and consent (100), which refuse for good, and before gates that only postpone. */
    @Override
    public int order() {
        return 200;
    }

    @Override
    public SendVerdict check(DueMessage message, MailCategory category) {
        if (!NurtureEmail.KIND.equals(message.kind())) {
            return SendVerdict.go();
        }
        String code = condition(message);
        NurtureCondition condition = NurtureCondition.of(code).orElse(null);
        if (condition == null) {
            // Marketing mail goes out only when it is certain it should.
            return SendVerdict.cancel("unknown nurture condition " + code);
        }
        if (condition == NurtureCondition.NOT_REDEEMED && redemptions.redeemed(message.leadId())) {
            return SendVerdict.cancel("incentive redeemed");
        }
        return SendVerdict.go();
    }

    /** The condition the step was scheduled with. */
    private String condition(DueMessage message) {
        return message.readParams(mapper, NurtureEmail.Params.class).condition();
    }
}
