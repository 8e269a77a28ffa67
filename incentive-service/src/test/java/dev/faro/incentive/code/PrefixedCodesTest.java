package dev.faro.incentive.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PrefixedCodesTest {

    private static final String GROUP = "[34679ACDEFGHJKMNPQRTWXY]{4}";

    private final DiscountCodes codes = new DiscountCodes(new SecureRandom());

    @Test
    void aPrefixedCodeIsThePrefixADashAndThreeGroupsOfFour() {
        String code = codes.next("PRMX");

        assertThat(code).matches("PRMX-" + GROUP + "-" + GROUP + "-" + GROUP);
        assertThat(DiscountCodes.isWellFormed(code)).isTrue();
        assertThat(DiscountCodes.isWellFormed(code.toLowerCase().replace("-", "")))
                .isTrue();
    }

    @Test
    void prefixesOfOneToTenCharactersOfTheAlphabetAreAccepted() {
        assertThat(DiscountCodes.isWellFormed(codes.next("X"))).isTrue();
        assertThat(DiscountCodes.isWellFormed(codes.next("XMAH3DEAT7"))).isTrue();
        assertThat(new CodeSpec("XMAH3DEAT7", null).prefix()).isEqualTo("XMAH3DEAT7");
    }

    @Test
    void prefixesWithAmbiguousOrForeignCharactersOrTooLongAreRefused() {
        for (String prefix : new String[] {"", "SALE", "B0OK", "promo", "AB-CD", "XMAH3DEAT74"}) {
            assertThat(DiscountCodes.isValidPrefix(prefix)).as(prefix).isFalse();
            assertThatThrownBy(() -> codes.next(prefix)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CodeSpec.generated(prefix)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void noCodeContainsAnAmbiguousCharacter() {
        for (int i = 0; i < 2_000; i++) {
            assertThat(codes.next("HQ")).doesNotContainPattern("[0O1IL5S2Z8BUV]");
        }
    }

    @RepeatedTest(20)
    void everySingleMistypedCharacterOfTheRandomPartIsCaught() {
        String code = codes.next("PRMX");
        String prefix = "PRMX-";
        String compact = DiscountCodes.normalise(code.substring(prefix.length()));
        for (int position = 0; position < compact.length(); position++) {
            for (char replacement : DiscountCodes.ALPHABET.toCharArray()) {
                if (replacement == compact.charAt(position)) {
                    continue;
                }
                String typo = prefix + compact.substring(0, position) + replacement + compact.substring(position + 1);
                assertThat(DiscountCodes.isWellFormed(typo)).as(typo).isFalse();
            }
        }
    }

    @RepeatedTest(20)
    void everySwapOfNeighboursIsCaughtIncludingAcrossThePrefix() {
        String compact = DiscountCodes.normalise(codes.next("PRMX"));
        for (int i = "PRMX".length() - 1; i + 1 < compact.length(); i++) {
            if (compact.charAt(i) == compact.charAt(i + 1)) {
                continue;
            }
            char[] swapped = compact.toCharArray();
            swapped[i] = compact.charAt(i + 1);
            swapped[i + 1] = compact.charAt(i);
            assertThat(DiscountCodes.isWellFormed(new String(swapped)))
                    .as(new String(swapped))
                    .isFalse();
        }
    }

    @Test
    void aPrefixLongerThanTenCharactersIsNotWellFormed() {
        String code = codes.next("XMAH3DEAT7");

        assertThat(DiscountCodes.isWellFormed("A" + code)).isFalse();
    }

    @Test
    void specsNameAPoolOrAGeneratedCode() {
        assertThat(CodeSpec.fromPool("shop-1")).isEqualTo(new CodeSpec(null, "shop-1"));
        assertThat(CodeSpec.generated()).isEqualTo(new CodeSpec(null, null));
    }
}
