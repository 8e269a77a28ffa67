package dev.faro.incentive.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.support.problem.Problem.FieldError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CodeCsvTest {

    @Test
    void readsTheCodeColumnTrimmedInFileOrder() {
        CodeCsv.Result read = read("id,Code,value\r\n1, SHOP-AAA ,10\r\n2,SHOP-BBB,10\r\n");

        assertThat(read.errors()).isEmpty();
        assertThat(read.codes()).containsExactly(new CodeCsv.Line(2, "SHOP-AAA"), new CodeCsv.Line(3, "SHOP-BBB"));
    }

    @Test
    void quotedFieldsFollowRfc4180() {
        CodeCsv.Result read = read("note,code\n\"a, \"\"quoted\"\"\nnote\",\"Q-1\"\n\n\"\",Q-2\n");

        assertThat(read.errors()).isEmpty();
        assertThat(read.codes()).containsExactly(new CodeCsv.Line(2, "Q-1"), new CodeCsv.Line(5, "Q-2"));
    }

    @Test
    void everyLineAtFaultIsNamed() {
        CodeCsv.Result read = read("code\nGOOD-1\n\n" + "X".repeat(65) + "\nwith space\nGOOD-1\ncafé\n");

        assertThat(read.codes()).isEmpty();
        assertThat(read.errors()).extracting(FieldError::field).containsExactly("line 4", "line 5", "line 6", "line 7");
        assertThat(read.errors().get(2).message()).contains("line 2");
    }

    @Test
    void aFileWithoutACodeColumnIsRefusedOnItsHeader() {
        assertThat(read("coupon\nA\n").errors())
                .containsExactly(new FieldError("line 1", "the header has no code column"));
    }

    @Test
    void anUnclosedQuoteIsNamedByTheLineItStartsOn() {
        assertThat(read("code\nA\n\"B\nC\n").errors())
                .extracting(FieldError::field)
                .containsExactly("line 3");
    }

    @Test
    void aMisplacedQuoteIsRefused() {
        assertThat(read("code\nA\"B\n").errors()).extracting(FieldError::field).containsExactly("line 2");
    }

    @Test
    void anEmptyCodeOrAMissingColumnIsRefused() {
        assertThat(read("id,code\n1,\n2\n").errors())
                .extracting(FieldError::field)
                .containsExactly("line 2", "line 3");
    }

    private static CodeCsv.Result read(String text) {
        return CodeCsv.read(text.getBytes(StandardCharsets.UTF_8));
    }
}
