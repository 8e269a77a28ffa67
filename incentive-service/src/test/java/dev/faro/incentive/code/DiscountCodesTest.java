package dev.faro.incentive.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscountCodesTest {

    private final DiscountCodes codes = new DiscountCodes();

    @Test
    void codesAreThreeGroupsOfFourFromTheUnambiguousAlphabet() {
        for (int i = 0; i < 1_000; i++) {
            String code = codes.next();
            assertThat(code)
                    .matches("[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}-[34679ACDEFGHJKMNPQRTWXY]{4}");
            assertThat(code).doesNotContainAnyWhitespaces().doesNotContain("0", "O", "1", "I", "L", "5", "S");
        }
    }

    @Test
    void generatedCodesAreWellFormedAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            String code = codes.next();
            assertThat(DiscountCodes.isWellFormed(code)).isTrue();
            seen.add(code);
        }
        assertThat(seen).hasSize(100_000);
    }

    @Test
    void everySingleMistypedCharacterIsCaughtByTheCheckCharacter() {
        String compact = DiscountCodes.normalise(codes.next());
        for (int position = 0; position < compact.length(); position++) {
            for (char replacement : DiscountCodes.ALPHABET.toCharArray()) {
                if (replacement == compact.charAt(position)) {
                    continue;
                }
                String typo = compact.substring(0, position) + replacement + compact.substring(position + 1);
                assertThat(DiscountCodes.isWellFormed(typo)).as(typo).isFalse();
            }
        }
    }

    @Test
    void swappedNeighboursAreCaught() {
        String compact = DiscountCodes.normalise(codes.next());
        for (int i = 0; i + 1 < compact.length(); i++) {
            if (compact.charAt(i) == compact.charAt(i + 1)) {
                continue;
            }
            char[] swapped = compact.toCharArray();
            swapped[i] = compact.charAt(i + 1);
            swapped[i + 1] = compact.charAt(i);
            assertThat(DiscountCodes.isWellFormed(new String(swapped))).isFalse();
        }
    }

    @Test
    void formattingAndCaseDoNotMatterButForeignCharactersDo() {
        String code = codes.next();
        assertThat(DiscountCodes.isWellFormed(code.toLowerCase().replace("-", " ")))
                .isTrue();
        assertThat(DiscountCodes.isWellFormed(code.replace('-', '_'))).isFalse();
        assertThat(DiscountCodes.isWellFormed("")).isFalse();
        assertThat(DiscountCodes.isWellFormed(null)).isFalse();
    }
}
