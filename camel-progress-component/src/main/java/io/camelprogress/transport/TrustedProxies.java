package io.camelprogress.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

/**
 * Finds the client's address behind reverse proxies: the peer's address, unless the peer is a
 * trusted proxy, in which case the forwarded chain ({@code Forwarded: for=}, else
 * {@code X-Forwarded-For}) is read from the nearest hop back, and the first address that is not a
 * trusted proxy is the client's. Forwarded headers from anyone else are ignored, so a client cannot
 * choose its own address.
 */
final class TrustedProxies {

    private final List<IpSubnetFilterRule> trusted;

    /**
     * @param cidrs addresses or CIDR blocks, as in {@code 10.0.0.0/8}, {@code 127.0.0.1} or {@code ::1}
     * @throws IllegalArgumentException naming the first entry that is neither
     */
    TrustedProxies(List<String> cidrs) {
        List<IpSubnetFilterRule> parsed = new ArrayList<>(cidrs.size());
        for (String cidr : cidrs) {
            parsed.add(rule(cidr.trim()));
        }
        this.trusted = List.copyOf(parsed);
    }

    boolean isEmpty() {
        return trusted.isEmpty();
    }

    /**
     * The client's address.
     *
     * @param peer           the address of the TCP peer, as text
     * @param forwarded      the {@code Forwarded} header, or null
     * @param xForwardedFor  the {@code X-Forwarded-For} header, or null
     */
    String clientAddress(String peer, String forwarded, String xForwardedFor) {
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> chain = forwarded != null ? forwardedFor(forwarded) : xForwardedFor != null ? list(xForwardedFor) : List.of();
        String client = peer;
        for (int i = chain.size() - 1; i >= 0; i--) {
            String hop = chain.get(i);
            if (NetUtil.createByteArrayFromIpAddressString(hop) == null) {
                // an obfuscated or malformed hop: nothing further back can be trusted
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        // a literal only, so that no name is ever looked up for what a client sent
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            return false;
        }
        InetSocketAddress peer;
        try {
            peer = new InetSocketAddress(InetAddress.getByAddress(bytes), 0);
        } catch (UnknownHostException e) {
            return false;
        }
        for (IpSubnetFilterRule rule : trusted) {
            if (rule.matches(peer)) {
                return true;
            }
        }
        return false;
    }

    /** Netty's subnet rule for an address or CIDR block, refusing anything but an IP literal. */
    private static IpSubnetFilterRule rule(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
        if (bytes == null) {
            throw new IllegalArgumentException("trustedProxies: '" + text + "' is not an IP address or CIDR block such as 10.0.0.0/8");
        }
        int bits = bytes.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                bits = -1;
            }
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("trustedProxies: '" + text + "' has a prefix length outside 0.." + bytes.length * 8);
            }
        }
        try {
            return new IpSubnetFilterRule(InetAddress.getByAddress(bytes), bits, IpFilterRuleType.ACCEPT);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("trustedProxies: '" + text + "' is not an IP address", e);
        }
    }

    private static List<String> list(String header) {
        List<String> hops = new ArrayList<>();
        for (String part : header.split(",")) {
            hops.add(strip(part.trim()));
        }
        return hops;
    }

    /** The {@code for=} values of RFC 7239's {@code Forwarded}, one per hop. */
    private static List<String> forwardedFor(String header) {
        List<String> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            String found = "unknown";
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                    found = strip(pair.substring(eq + 1).trim());
                }
            }
            hops.add(found);
        }
        return hops;
    }

    /** Drops quotes, IPv6 brackets and a port: {@code "[2001:db8::1]:4711"} becomes {@code 2001:db8::1}. */
    private static String strip(String value) {
        String v = value;
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            return close > 0 ? v.substring(1, close) : v;
        }
        int colon = v.indexOf(':');
        if (colon > 0 && colon == v.lastIndexOf(':')) {
            return v.substring(0, colon);
        }
        return v;
    }
}
