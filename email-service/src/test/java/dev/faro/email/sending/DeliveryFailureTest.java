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

    @Test
    void anAddressTheServerEchoesIsMaskedToItsDomain() {
        var failure = DeliveryFailure.of(new CompletionException(smtp(
                550,
                "550 5.1.1 <Ana.Ruiz+news@Example.org>: Recipient address rejected: User unknown in virtual table")));
        var busy = DeliveryFailure.of(smtp(450, "450 4.2.1 \"ana ruiz\"@mx.example.org mailbox busy, try later"));

        assertThat(failure.reason())
                .contains("550 5.1.1 <***@Example.org>: Recipient address rejected")
                .doesNotContain("Ana.Ruiz");
        assertThat(busy.reason())
                .contains("450 4.2.1 ***@mx.example.org mailbox busy")
                .doesNotContain("ana");
    }

    @Test
    void anAddressInAnyOtherErrorIsMaskedToo() {
        assertThat(DeliveryFailure.of(new IllegalArgumentException("not a valid recipient: ana@example.org"))
                        .reason())
                .isEqualTo("not a valid recipient: ***@example.org");
    }

    private static SMTPException smtp(int code, String reply) {
        return new SMTPException("sending failed", code, List.of(reply), true);
    }
}
