package dev.faro.lead.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One IP address or a CIDR block ({@code 10.0.0.0/8}, {@code fd00::/8}), such as the pod network an ingress
 * controller's pods get their addresses from, which change whenever a pod is replaced.
 */
final class AddressRange {

    private final byte[] network;
    private final int prefixLength;

    private AddressRange(byte[] network, int prefixLength) {
        this.network = network;
        this.prefixLength = prefixLength;
    }

    /** Parses an address or a block; never resolves a host name. */
    static AddressRange parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address or CIDR block: " + text);
        }
        int length = bytes.length * 8;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(value.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR prefix length: " + text, e);
            }
            if (length < 0 || length > bytes.length * 8) {
                throw new IllegalArgumentException("prefix length out of range: " + text);
            }
        }
        return new AddressRange(bytes, length);
    }

    boolean contains(String address) {
        byte[] candidate = literal(address);
        if (candidate == null || candidate.length != network.length) {
            return false;
        }
        int fullBytes = prefixLength / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int remainingBits = prefixLength % 8;
        if (remainingBits == 0) {
            return true;
        }
        int mask = (0xFF << (8 - remainingBits)) & 0xFF;
        return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    private static byte[] literal(String address) {
        if (!ClientAddresses.isIpLiteral(address)) {
            return null;
        }
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
