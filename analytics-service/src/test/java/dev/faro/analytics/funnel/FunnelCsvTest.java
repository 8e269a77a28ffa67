package dev.faro.analytics.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FunnelCsvTest {

    @Test
    void textThatStartsLikeAFormulaGetsAnApostrophe() {
        assertThat(FunnelCsv.text("=1+2")).isEqualTo("'=1+2");
        assertThat(FunnelCsv.text("+1")).isEqualTo("'+1");
        assertThat(FunnelCsv.text("-1")).isEqualTo("'-1");
        assertThat(FunnelCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(FunnelCsv.text("\tx")).isEqualTo("'\tx");
        assertThat(FunnelCsv.text("\r=1+2")).isEqualTo("\"'\r=1+2\"");
        assertThat(FunnelCsv.text("newsletter")).isEqualTo("newsletter");
    }

    @Test
    void textWithCommasQuotesOrLineBreaksIsQuoted() {
        assertThat(FunnelCsv.text("a,b")).isEqualTo("\"a,b\"");
        assertThat(FunnelCsv.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(FunnelCsv.text("=a,b")).isEqualTo("\"'=a,b\"");
        assertThat(FunnelCsv.text(null)).isEmpty();
    }
}
