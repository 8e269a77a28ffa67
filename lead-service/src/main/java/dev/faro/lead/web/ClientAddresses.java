package dev.faro.lead.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client behind a request. X-Forwarded-For is believed only when the connection comes
 * from a configured trusted proxy (a load balancer or ingress), and then only as far as the chain of
 * trusted hops goes: anyone can write that header, so trusting it from the internet would let a client pick
 * its own rate-limit bucket or consent record.
 */
@ApplicationScoped
public class ClientAddresses {

    @ConfigMapping(prefix = "faro.http")
    public interface Config {
        /**
         * The proxies in front of this service: IP addresses or CIDR blocks (on Kubernetes, the pod network the
         * ingress controller runs in); {@code none} trusts no one.
         */
        @WithDefault("none")
        List<String> trustedProxies();
    }

    private final List<AddressRange> trustedProxies;

    public ClientAddresses(Config config) {
        this.trustedProxies = config.trustedProxies().stream()
                .filter(p -> !"none".equals(p))
                .map(AddressRange::parse)
                .toList();
    }

    /** The client's IP address, as text. */
    public String clientOf(HttpServerRequest request) {
        String peer = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !trusted(peer)) {
            return peer;
        }
        // Walk from the nearest hop back; the first address not itself a trusted proxy is the client.
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty() || !isIpLiteral(hop)) {
                return peer;
            }
            if (!trusted(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /**
     * The address with its host part removed (IPv4: last octet; IPv6: last 80 bits), as stored in the
     * consent ledger: enough to show where consent came from, not enough to identify a household.
     */
    public static Optional<String> truncated(String address) {
        if (!isIpLiteral(address)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int keep = bytes.length == 4 ? 3 : 6;
            for (int i = keep; i < bytes.length; i++) {
                bytes[i] = 0;
            }
            return Optional.of(InetAddress.getByAddress(bytes).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private boolean trusted(String address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    /** True for a literal IPv4 or IPv6 address; never resolves a name. */
    static boolean isIpLiteral(String text) {
        return text.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (text.contains(":") && text.matches("[0-9a-fA-F:.]+"));
    }
}
