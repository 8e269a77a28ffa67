package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SenderShareTest {

    @Test
    void aShareMustBeOneOfTheCount() {
        assertThatThrownBy(() -> new SenderShare(4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SenderShare(-1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SenderShare(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
