package dev.faro.lead.leads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvWriterTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "=HYPERLINK(\"http://evil.example\") | `\"'=HYPERLINK(\"\"http://evil.example\"\")\"`",
                "+34612345678                        | '+34612345678",
                "-1+1                                | '-1+1",
                "@SUM(A1)                            | '@SUM(A1)",
                "a=b                                 | a=b",
                "Acme, S.L.                          | `\"Acme, S.L.\"`",
                "say \"hi\"                          | `\"say \"\"hi\"\"\"`",
            })
    void cellsThatASpreadsheetWouldRunGetAnApostropheAndQuotesWhereRfc4180NeedsThem(String value, String written) {
        assertThat(CsvWriter.cell(value)).isEqualTo(written);
    }

    @Test
    void tabAndCarriageReturnAtTheStartAreNeutralisedAndLineBreaksQuoted() {
        assertThat(CsvWriter.cell("\tcmd")).isEqualTo("'\tcmd");
        assertThat(CsvWriter.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(CsvWriter.cell("line one\nline two")).isEqualTo("\"line one\nline two\"");
    }

    @Test
    void recordsAreCommaSeparatedWithCrlfAndNullIsEmpty() throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter csv = new CsvWriter(out);

        csv.row(List.of("a", "b"));
        csv.row(Arrays.asList("x", null, ""));
        csv.flush();

        assertThat(out).hasToString("a,b\r\nx,,\r\n");
    }
}
