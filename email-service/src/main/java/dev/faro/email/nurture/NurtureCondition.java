package dev.faro.email.nurture;

import java.util.Arrays;
import java.util.Optional;

/** When a nurture step still goes out, asked when it is due rather than when it was scheduled. */
public enum NurtureCondition {

    /** Whatever happened since the sequence started. */
    ALWAYS("always"),

    /** Only while the lead has not redeemed its incentive; a redemption cancels the step. */
    NOT_REDEEMED("not-redeemed");

    private final String code;

    NurtureCondition(String code) {
        this.code = code;
    }

    /** The name used in the API, the database and a ledger row's params. */
    public String code() {
        return code;
    }

    public static Optional<NurtureCondition> of(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    static String names() {
        return String.join(
                ", ", Arrays.stream(values()).map(NurtureCondition::code).toList());
    }
}
