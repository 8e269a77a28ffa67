package dev.faro.email.nurture;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign's nurture sequence as the admin API reads and writes it: the whole sequence at once. */
@Schema(description = "A campaign's nurture sequence: its steps, in the order they are sent")
public record NurtureSequence(@Schema(maxItems = NurtureSequenceRules.MAX_STEPS) List<Step> steps) {

    @Schema(description = "One email of the sequence")
    public record Step(
            @Schema(
                            description = "ISO-8601 duration after the sequence starts (first step) or after the"
                                    + " previous step was sent (later steps), between PT1H and P365D",
                            examples = "P1D")
                    String delay,
            @Schema(
                            description = "A built-in nurture template (nurture-tips, nurture-last-chance) or a"
                                    + " template of this campaign named nurture-<slug>",
                            examples = "nurture-tips")
                    String template,
            @Schema(
                            description = "When the step is due: always, or not-redeemed (only while the lead's"
                                    + " incentive is not redeemed)",
                            enumeration = {"always", "not-redeemed"})
                    String condition) {

        static Step of(NurtureStep step) {
            return new Step(step.delay(), step.template(), step.condition().code());
        }
    }

    static NurtureSequence of(List<NurtureStep> steps) {
        return new NurtureSequence(steps.stream().map(Step::of).toList());
    }
}
