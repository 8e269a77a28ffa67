package dev.faro.email.digest;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.faro.local.infra.FreePorts;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * A GreenMail SMTP server of the digest tests' own, started before the application that sends to it: the shared
 * test inbox hands out decoded bodies only, and these tests need the MIME structure (the inline chart). Stops with
 * the JVM.
 */
final class DigestSmtpServer {

    private static final GreenMail SMTP = start();

    private DigestSmtpServer() {}

    static int port() {
        return SMTP.getSmtp().getPort();
    }

    /** What arrived for {@code address}, oldest first. */
    static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(SMTP.getReceivedMessages())
                .filter(message -> isTo(message, address))
                .toList();
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null
                    && Arrays.stream(recipients).anyMatch(r -> r.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail start() {
        GreenMail smtp = new GreenMail(new ServerSetup(FreePorts.find(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop, "digest-smtp-stop"));
        return smtp;
    }
}
