package dev.gatehouse.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** One address or a CIDR block of them ({@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code fd00::/8}). */
public record AddressRange(InetAddress network, int prefixLength) {
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    /** The range an address or CIDR literal names; empty when it is neither (host names are not looked up). */
    public static Optional<AddressRange> parse(String text) {
        String[] parts = text.strip().split("/", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        Optional<InetAddress> address = literal(parts[0]);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().getAddress().length * 8;
        int prefix = bits;
        if (parts.length == 2) {
            if (!parts[1].matches("[0-9]{1,3}") || Integer.parseInt(parts[1]) > bits) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(parts[1]);
        }
        return Optional.of(new AddressRange(address.get(), prefix));
    }

    /** An IP address literal, never a name to resolve; empty when the text is not one. */
    public static Optional<InetAddress> literal(String text) {
        String candidate = text.strip();
        if (!IPV4.matcher(candidate).matches() && !IPV6.matcher(candidate).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] other = address.getAddress();
        if (net.length != other.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (net[i] != other[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest);
        return (net[full] & mask) == (other[full] & mask);
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
