package dev.faro.local.infra;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMTP server on loopback that accepts any sender and recipient without authentication and keeps what it
 * receives. Each SMTP transaction is kept once, however many recipients it had. GreenMail's own per-user mailboxes
 * are not used: it finds and creates them by scanning every user it has, so with one user per lead address (a
 * benchmark sends to a hundred thousand) each message cost more than the services spent on it.
 */
public final class SmtpSink implements Inbox, AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private GreenMail greenMail;
    private final int port;
    /** While the server hangs ({@link #hang}): takes connections and never says a word on them. */
    private ServerSocket silent;
    /** Accepts on {@link #silent}; the port is free again only once it has left {@code accept}. */
    private Thread acceptor;

    /** Written only by {@link #acceptor}, read once it has ended. */
    private final List<Socket> heldConnections = new ArrayList<>();
    /** Guarded by itself; appended to per message, copied only when read. */
    private final List<InboxMessage> received = new ArrayList<>();

    private SmtpSink(GreenMail greenMail, int port) {
        this.greenMail = greenMail;
        this.port = port;
    }

    public static SmtpSink start(int port) {
        SmtpSink sink = new SmtpSink(null, port);
        sink.listen();
        return sink;
    }

    private void listen() {
        greenMail = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP));
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        greenMail.getUserManager().setMessageDeliveryHandler(recording());
    }

    /** An SMTP outage, for fault tests: the port stops answering; what was received stays in the inbox. */
    public synchronized void stopListening() {
        greenMail.stop();
    }

    /**
     * A server that hangs, for fault tests: the port takes connections but never greets, so a client waits until its
     * own timeout with the message unsent, and those connected before stop being served.
     */
    public synchronized void hang() {
        greenMail.stop();
        try {
            silent = new ServerSocket(port, 50, InetAddress.getByName(HOST));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hold port " + port, e);
        }
        ServerSocket listening = silent;
        acceptor = new Thread(
                () -> {
                    while (!listening.isClosed()) {
                        try {
                            heldConnections.add(listening.accept());
                        } catch (IOException closed) {
                            return;
                        }
                    }
                },
                "smtp-sink-hanging");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The end of the outage (or of the hang): the same port answers again and the inbox goes on from what it held. */
    public synchronized void listenAgain() {
        stopHanging();
        if (!greenMail.isRunning()) {
            listen();
        }
    }

    private void stopHanging() {
        if (silent == null) {
            return;
        }
        try {
            silent.close();
            // The JDK closes a server socket for good only when the thread blocked in its accept has left it: bound
            // again before that, the port is still in use.
            acceptor.join();
            for (Socket connection : heldConnections) {
                connection.close();
            }
            heldConnections.clear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot free port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while freeing port " + port, e);
        }
        silent = null;
        acceptor = null;
    }

    /**
     * GreenMail delivers a transaction once per recipient with the same {@link MovingMessage}; we record it the first
     * time. Deliveries are serialised by GreenMail's SMTP manager, so remembering the last one is enough. The user
     * handed back is where GreenMail would store the message for that recipient: nowhere.
     */
    private MessageDeliveryHandler recording() {
        return new MessageDeliveryHandler() {
            private MovingMessage last;

            @Override
            public GreenMailUser handle(MovingMessage message, MailAddress recipient) throws MessagingException {
                if (message != last) {
                    last = message;
                    List<String> recipients = message.getToAddresses().stream()
                            .map(MailAddress::getEmail)
                            .toList();
                    InboxMessage decoded = MimeDecoder.decode(message.getMessage(), recipients, Instant.now());
                    synchronized (received) {
                        received.add(decoded);
                    }
                }
                return new DiscardingMailbox(recipient.getEmail());
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
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public List<InboxMessage> messagesAfter(int skipped) {
        synchronized (received) {
            return List.copyOf(received.subList(Math.min(Math.max(skipped, 0), received.size()), received.size()));
        }
    }

    @Override
    public void clear() {
        synchronized (received) {
            received.clear();
        }
    }

    @Override
    public String toString() {
        return "SMTP sink on port " + port;
    }

    @Override
    public synchronized void close() {
        stopHanging();
        greenMail.stop();
    }
}
