package dev.faro.lead.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a webhook may send leads. A marketer types the URL, and Faro then posts personal data to it from inside
 * the network, so: https only, no credentials in the URL, and no loopback, private or link-local address, neither
 * written as the host nor (checked again before each attempt) behind its name. Loopback, and plain http to it,
 * only when {@code faro.webhooks.allow-loopback} is on (local mode, tests).
 */
@ApplicationScoped
class WebhookTargets {

    static final int MAX_URL = 2048;
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Pattern IPV4_LITERAL = Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$");

    private final boolean allowLoopback;

    WebhookTargets(WebhookConfig config) {
        this.allowLoopback = config.allowLoopback();
    }

    /** Why {@code url} cannot be a webhook's target, or empty when it can. */
    Optional<String> fault(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required");
        }
        if (url.length() > MAX_URL) {
            return Optional.of("must be at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("must be an absolute https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        boolean loopbackName = LOOPBACK_NAMES.contains(host);
        if (scheme.equals("http") && !(allowLoopback && loopbackName)) {
            return Optional.of("must be an https URL");
        }
        if (loopbackName && !allowLoopback) {
            return Optional.of("must not point at this machine");
        }
        Optional<InetAddress> literal = ipLiteral(host);
        if (literal.isPresent() && !mayConnectTo(literal.get())) {
            return Optional.of("must not point at a private, loopback or link-local address");
        }
        return Optional.empty();
    }

    /** Whether an address a target's name resolves to is one Faro may post to. */
    boolean mayConnectTo(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return allowLoopback;
        }
        return !(address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()
                || isUniqueLocal(address)
                || isSharedAddressSpace(address));
    }

    /** IPv6 unique local addresses (fc00::/7), the IPv6 counterpart of the private ranges. */
    private static boolean isUniqueLocal(InetAddress address) {
        return address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** 100.64.0.0/10, carrier-grade NAT and some cloud-internal networks. */
    private static boolean isSharedAddressSpace(InetAddress address) {
        byte[] bytes = address.getAddress();
        return address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }

    /** The address a host written as an IP literal stands for; never a DNS lookup. */
    private static Optional<InetAddress> ipLiteral(String host) {
        boolean v6 = host.startsWith("[") && host.endsWith("]");
        if (!v6 && !IPV4_LITERAL.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(v6 ? host.substring(1, host.length() - 1) : host));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
