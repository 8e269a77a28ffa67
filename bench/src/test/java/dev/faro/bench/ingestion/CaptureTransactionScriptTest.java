package dev.faro.bench.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CaptureTransactionScriptTest {

    @Test
    void insertsALeadAndItsOutboxRowInOneTransaction() {
        String script = CaptureTransactionScript.render(900);

        assertThat(script.lines()).hasSize(4);
        assertThat(script).startsWith("BEGIN;\nINSERT INTO lead (").endsWith("END;\n");
        assertThat(script).contains("RETURNING id AS lead_id \\gset\nINSERT INTO outbox_event (");
        assertThat(script).contains("'faro.leads', :lead_id, 'dev.faro.lead.captured'");
    }

    @Test
    void usesNoPgbenchVariableButLeadId() {
        // pgbench reads ":name" as a variable, also inside literals; "::" is a cast it leaves alone.
        Matcher variables =
                Pattern.compile("(?<!:):(?!:)([A-Za-z0-9_]+)").matcher(CaptureTransactionScript.render(900));
        while (variables.find()) {
            assertThat(variables.group(1)).isEqualTo("lead_id");
        }
    }

    @Test
    void thePayloadHasTheAskedSize() {
        assertThat(CaptureTransactionScript.payload(900))
                .hasSize(900)
                .startsWith("{")
                .endsWith("}");
        assertThat(CaptureTransactionScript.payload(900)).doesNotContain("'");
    }
}
