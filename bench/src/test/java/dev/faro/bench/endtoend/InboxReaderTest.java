package dev.faro.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faro.local.infra.FreePorts;
import dev.faro.local.infra.InboxHttpServer;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.infra.SmtpSink;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the local stack's own SMTP sink and web inbox, started here on free ports. */
class InboxReaderTest {

    private SmtpSink smtp;
    private InboxHttpServer web;
    private InboxReader reader;

    @BeforeEach
    void startSink() {
        smtp = SmtpSink.start(FreePorts.find());
        web = InboxHttpServer.start(smtp, 0);
        reader = new InboxReader(web.port());
    }

    @AfterEach
    void stopSink() throws Exception {
        web.close();
        smtp.close();
    }

    /** Returns once the sink has accepted it: the sink records a message before its 250 reply. */
    private void send(String to) throws Exception {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("demo@faro.test"));
        message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Tu código", "UTF-8");
        message.setText("hola", "UTF-8");
        Transport.send(message);
    }

    private static List<String> recipients(List<InboxMessage> messages) {
        return messages.stream().map(m -> m.to().get(0)).toList();
    }

    @Test
    void readsOnlyWhatArrivedAfterTheSkip() throws Exception {
        send("earlier-1@example.org");
        send("earlier-2@example.org");

        reader.skipWhatIsThere();
        assertThat(reader.read()).isEmpty();
        send("run-0@example.org");
        send("run-1@example.org");

        assertThat(recipients(reader.read())).containsExactly("run-0@example.org", "run-1@example.org");
    }

    @Test
    void aLaterSkipAlsoLeavesOutWhatArrivedAfterTheLastRead() throws Exception {
        send("earlier@example.org");
        reader.skipWhatIsThere();
        send("first-run@example.org");
        assertThat(recipients(reader.read())).containsExactly("first-run@example.org");
        // late mail of the first run, after its last read, and before the next run starts
        send("first-run-late@example.org");

        reader.skipWhatIsThere();
        assertThat(reader.read()).isEmpty();
        send("second-run@example.org");

        assertThat(recipients(reader.read())).containsExactly("second-run@example.org");
    }

    @Test
    void aSkipRightAfterAnotherSkipsNothingNew() throws Exception {
        send("earlier@example.org");
        reader.skipWhatIsThere();
        reader.skipWhatIsThere();
        send("run@example.org");

        assertThat(recipients(reader.read())).containsExactly("run@example.org");
    }
}
