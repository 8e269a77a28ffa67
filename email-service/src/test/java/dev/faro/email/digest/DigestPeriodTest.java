package dev.faro.email.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.email.contact.Language;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DigestPeriodTest {

    @Test
    void weekWithinOneMonthReadsAsSpanishAndEnglishWriteIt() {
        LocalDate start = LocalDate.of(2026, 11, 19);
        LocalDate end = LocalDate.of(2026, 11, 25);

        assertThat(DigestPeriod.heading(Language.ES, start, end))
                .isEqualTo("Resumen del 19 al 25 de noviembre de 2026");
        assertThat(DigestPeriod.heading(Language.EN, start, end)).isEqualTo("Summary for 19–25 November 2026");
    }

    @Test
    void periodAcrossMonthsAndYearsNamesBothEnds() {
        assertThat(DigestPeriod.heading(Language.ES, LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 4)))
                .isEqualTo("Resumen del 28 de noviembre al 4 de diciembre de 2026");
        assertThat(DigestPeriod.heading(Language.ES, LocalDate.of(2026, 12, 29), LocalDate.of(2027, 1, 4)))
                .isEqualTo("Resumen del 29 de diciembre de 2026 al 4 de enero de 2027");
        assertThat(DigestPeriod.heading(Language.EN, LocalDate.of(2026, 11, 28), LocalDate.of(2026, 12, 4)))
                .isEqualTo("Summary for 28 November – 4 December 2026");
        assertThat(DigestPeriod.heading(Language.EN, LocalDate.of(2026, 12, 29), LocalDate.of(2027, 1, 4)))
                .isEqualTo("Summary for 29 December 2026 – 4 January 2027");
    }

    @Test
    void singleDayIsOneDate() {
        LocalDate day = LocalDate.of(2026, 11, 25);

        assertThat(DigestPeriod.heading(Language.ES, day, day)).isEqualTo("Resumen del 25 de noviembre de 2026");
        assertThat(DigestPeriod.heading(Language.EN, day, day)).isEqualTo("Summary for 25 November 2026");
    }
}
