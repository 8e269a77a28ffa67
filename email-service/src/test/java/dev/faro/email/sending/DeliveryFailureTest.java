package dev.faro.email.sending;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.TimeoutException;
import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DeliveryFailureTest {

    @Test
    void fiveHundredReplyIsPermanent() {
        var failure = DeliveryFailure.of(new CompletionException(smtp(550, "550 5.1.1 mailbox unavailable")));

        assertThat(failure.permanent()).isTrue();
        assertThat(failure.reason()).contains("550 5.1.1 mailbox unavailable");
    }

    @Test
    void fourHundredReplyIsTransient() {
        assertThat(DeliveryFailure.of(smtp(451, "451 4.3.0 try again later")).permanent())
                .isFalse();
    }

    @Test
    void refusedConnectionAndTimeoutAreTransient() {
        assertThat(DeliveryFailure.of(new CompletionException(new ConnectException("Connection refused"))))
                .isEqualTo(new DeliveryFailure(false, "Connection refused"));
        assertThat(DeliveryFailure.of(new TimeoutException()).permanent()).isFalse();
    }

    private static SMTPException smtp(int code, String reply) {
        return new SMTPException("sending failed", code, List.of(reply), true);
    }
}
