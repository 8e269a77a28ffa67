package dev.faro.local.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on loopback that accepts any sender and recipient without authentication and keeps what it
 * receives. Each SMTP transaction is kept once, however many recipients it had.
 */
public final class SmtpSink implements Inbox, AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;
    private final int port;
    private final List<InboxMessage> received = new CopyOnWriteArrayList<>();

    private SmtpSink(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    public static SmtpSink start(int port) {
        GreenMail greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        SmtpSink sink = new SmtpSink(greenMail, port);
        var userManager = greenMail.getUserManager();
        userManager.setMessageDeliveryHandler(sink.recording(userManager.getMessageDeliveryHandler()));
        return sink;
    }

    /**
     * GreenMail delivers a transaction once per recipient with the same {@link MovingMessage}; we record it the first
     * time. Deliveries are serialised by GreenMail's SMTP manager, so remembering the last one is enough.
     */
    private MessageDeliveryHandler recording(MessageDeliveryHandler delivery) {
        return new MessageDeliveryHandler() {
            private MovingMessage last;

            @Override
            public GreenMailUser handle(MovingMessage message, MailAddress recipient)
                    throws MessagingException, UserException {
                if (message != last) {
                    last = message;
                    List<String> recipients = message.getToAddresses().stream()
                            .map(MailAddress::getEmail)
                            .toList();
                    received.add(MimeDecoder.decode(message.getMessage(), recipients, Instant.now()));
                }
                return delivery.handle(message, recipient);
            }
        };
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    @Override
    public List<InboxMessage> messages() {
        return List.copyOf(received);
    }

    @Override
    public void clear() {
        received.clear();
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("could not purge GreenMail's mailboxes", e);
        }
    }

    @Override
    public String toString() {
        return "SMTP sink on port " + port;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
