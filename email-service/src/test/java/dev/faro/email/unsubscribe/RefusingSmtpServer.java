package dev.faro.email.unsubscribe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server that refuses every recipient with a 550, as a real server does for a mailbox that does not exist:
 * GreenMail accepts everything, so a hard bounce needs this. Like most real servers it names the refused address in
 * its reply ({@link #REFUSAL} {@code for <address>}). One thread per connection; stops with the JVM.
 */
final class RefusingSmtpServer {

    static final String REFUSAL = "550 5.1.1 mailbox unavailable";

    private static final RefusingSmtpServer INSTANCE = start();

    private final ServerSocket socket;

    private RefusingSmtpServer(ServerSocket socket) {
        this.socket = socket;
    }

    static int port() {
        return INSTANCE.socket.getLocalPort();
    }

    private static RefusingSmtpServer start() {
        try {
            RefusingSmtpServer server =
                    new RefusingSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
            Thread acceptor = new Thread(server::accept, "refusing-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread session = new Thread(() -> converse(connection), "refusing-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void converse(Socket connection) {
        try (connection;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
                Writer out = new OutputStreamWriter(connection.getOutputStream(), StandardCharsets.US_ASCII)) {
            reply(out, "220 refusing.test ESMTP");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "RCPT" -> reply(out, REFUSAL + " for " + recipientOf(line));
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    case "EHLO", "HELO" -> reply(out, "250 refusing.test");
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException ignored) {
            // The client went away.
        }
    }

    /** The {@code <address>} of {@code RCPT TO:<address>}, as the client wrote it. */
    private static String recipientOf(String rcpt) {
        int start = rcpt.indexOf('<');
        int end = rcpt.indexOf('>', start + 1);
        return start < 0 || end < 0 ? "<>" : rcpt.substring(start, end + 1);
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }
}
