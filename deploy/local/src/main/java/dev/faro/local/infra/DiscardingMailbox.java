package dev.faro.local.infra;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

/**
 * The GreenMail user a message is delivered to when {@link SmtpSink} has already kept it: delivery stores nothing.
 * The sink serves SMTP only, so nothing logs in as this user.
 */
final class DiscardingMailbox implements GreenMailUser {

    private final String email;

    DiscardingMailbox(String email) {
        this.email = email;
    }

    @Override
    public String getEmail() {
        return email;
    }

    @Override
    public String getLogin() {
        return email;
    }

    @Override
    public void deliver(MovingMessage message) {}

    @Override
    public void deliver(MimeMessage message) {}

    @Override
    public void create() {}

    @Override
    public void delete() {}

    @Override
    public String getPassword() {
        throw new UnsupportedOperationException("the SMTP sink has no mailbox logins");
    }

    @Override
    public void setPassword(String password) {
        throw new UnsupportedOperationException("the SMTP sink has no mailbox logins");
    }

    @Override
    public void authenticate(String password) {
        throw new UnsupportedOperationException("the SMTP sink has no mailbox logins");
    }

    @Override
    public String getQualifiedMailboxName() {
        return email;
    }
}
