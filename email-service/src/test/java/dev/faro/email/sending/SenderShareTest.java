package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SenderShareTest {

    @Test
    void aShareMustBeOneOfTheCount() {
        assertThatThrownBy(() -> new SenderShare(4, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SenderShare(-1, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SenderShare(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SenderShare(0, SenderShare.MAX_COUNT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLeadsShareIsTheLastByteOfItsIdModuloTheCount() {
        assertThat(SenderShare.indexOf(UUID.fromString("7f1c0a52-3b7e-4d0e-9a41-0000000000ff"), 4))
                .isEqualTo(255 % 4);
        assertThat(SenderShare.indexOf(UUID.fromString("7f1c0a52-3b7e-4d0e-9a41-00000000ab07"), 4))
                .isEqualTo(7 % 4);
        assertThat(SenderShare.indexOf(UUID.fromString("7f1c0a52-3b7e-4d0e-9a41-00000000ab07"), 1))
                .isZero();
    }
}
