package dev.faro.email.dkim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.faro.email.LeadEvents;
import dev.faro.email.unsubscribe.UnsubscribeTokens;
import dev.faro.local.infra.Inbox;
import dev.faro.local.infra.InboxMessage;
import dev.faro.local.testing.FaroInfrastructure;
import dev.faro.local.testing.TestInfrastructure;
import dev.faro.local.testing.TestKafka;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(UnsubscribeMailtoTest.UnsubscribeByEmail.class)
@WithTestResource(
        value = FaroInfrastructure.class,
        initArgs = @ResourceArg(name = FaroInfrastructure.DATABASE, value = "faro_email"))
class UnsubscribeMailtoTest {

    private static final String MAILBOX = "unsubscribe@faro.example.org";
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Pattern BOTH =
            Pattern.compile("<(https://email\\.faro\\.test/api/unsubscribe/([^>]+))>, <mailto:" + Pattern.quote(MAILBOX)
                    + "\\?subject=unsubscribe%20([^>]+)>");

    public static class UnsubscribeByEmail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("faro.email.unsubscribe-mailto", MAILBOX);
        }
    }

    private final TestKafka kafka = new TestKafka(TestInfrastructure.current().kafkaBootstrap());
    private final Inbox inbox = TestInfrastructure.current().inbox();

    @Inject
    UnsubscribeTokens tokens;

    @Test
    void listUnsubscribeOffersTheHttpsLinkFirstThenTheMailboxWithTheLeadsToken() {
        LeadEvents lead = LeadEvents.fresh();

        lead.captureOn(kafka, "Begoña Sáenz", "es");
        kafka.publish(lead.key(), lead.incentiveIssued("MAIL-0001-CODE"));

        InboxMessage email = await().atMost(DELIVERY)
                .until(() -> inbox.messagesTo(lead.email()), emails -> !emails.isEmpty())
                .get(0);
        Matcher header = BOTH.matcher(email.header("List-Unsubscribe"));
        assertThat(header.matches()).as(email.header("List-Unsubscribe")).isTrue();
        assertThat(header.group(3)).isEqualTo(header.group(2));
        assertThat(tokens.leadOf(header.group(3))).contains(lead.leadId());
        assertThat(email.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }
}
