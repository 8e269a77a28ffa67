package dev.faro.incentive.content;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Records each download through a signed link, with only as much of the client as the numbers need. */
@ApplicationScoped
public class ContentDownloads {

    private static final int MAX_USER_AGENT = 500;
    private static final Pattern IP_LITERAL =
            Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F.]*:[0-9a-fA-F:.]*");

    /** One download, as a lead's personal data export shows it. */
    @Schema(name = "ContentDownload")
    public record Download(
            UUID incentiveId, String contentRef, Instant downloadedAt, String clientNetwork, String userAgent) {}

    private final EntityManager entityManager;

    public ContentDownloads(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID incentiveId, String contentRef, String clientIp, String userAgent) {
        entityManager
                .createNativeQuery(
                        """
                        insert into content_download (incentive_id, content_ref, client_ip, user_agent)
                        values (:incentive, :ref, :ip, :agent)
                        """)
                .setParameter("incentive", incentiveId)
                .setParameter("ref", contentRef)
                .setParameter("ip", truncated(clientIp))
                .setParameter(
                        "agent",
                        userAgent == null ? null : userAgent.substring(0, Math.min(MAX_USER_AGENT, userAgent.length())))
                .executeUpdate();
    }

    /** The downloads through the links of a lead's incentives, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Download> ofLead(UUID leadId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery(
                        """
                        select d.incentive_id, d.content_ref, d.downloaded_at, d.client_ip, d.user_agent
                        from content_download d join incentive i on i.id = d.incentive_id
                        where i.lead_id = :lead
                        order by d.downloaded_at, d.id
                        """)
                .setParameter("lead", leadId)
                .getResultList();
        return rows.stream()
                .map(row ->
                        new Download((UUID) row[0], (String) row[1], instant(row[2]), (String) row[3], (String) row[4]))
                .toList();
    }

    /**
     * The network, not the person: an IPv4 address without its last octet, an IPv6 address without its last 80 bits
     * (a /48 site), as analytics tools anonymise them.
     */
    static String truncated(String ip) {
        if (ip == null || !IP_LITERAL.matcher(ip).matches()) {
            return null;
        }
        try {
            // A literal, never looked up: the pattern lets through only dotted quads and colon-separated hex.
            byte[] address = InetAddress.getByName(ip).getAddress();
            int keep = address.length == 4 ? 3 : 6;
            for (int i = keep; i < address.length; i++) {
                address[i] = 0;
            }
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }
}
