package dev.faro.email.dkim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DkimKeyCheckTest {

    @Test
    void pemArmouredKeyIsRefusedWithWhatToDo() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n";

        assertThat(DkimKeyCheck.problemWith(pem))
                .hasValueSatisfying(
                        problem -> assertThat(problem).contains("PEM lines").contains("base64"));
    }

    @Test
    void missingKeyIsRefusedNamingTheSettings() {
        assertThat(DkimKeyCheck.problemWith(null))
                .hasValueSatisfying(problem -> assertThat(problem).contains("FARO_DKIM_PRIVATE_KEY"));
    }

    @Test
    void bareBase64KeyPasses() {
        assertThat(DkimKeyCheck.problemWith("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7"))
                .isEmpty();
    }
}
