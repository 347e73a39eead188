package dev.gatehouse.domain.credentials;

import java.util.HexFormat;

/**
 * The IAM roles Identity Center would provision for a permission set in an account:
 * {@code AWSReservedSSO_<permission set>_<16 hex>} with a unique id {@code AROA} + 17 base32
 * characters. Both are derived from the instance key, the account and the permission set, so they
 * are stable for a data set (and across instances sharing it) without being stored.
 */
public final class ReservedRoles {
    public static final String PREFIX = "AWSReservedSSO_";
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int SUFFIX_BYTES = 8;
    private static final int ID_CHARS = 17;

    private final byte[] instanceKey;

    public ReservedRoles(byte[] instanceKey) {
        this.instanceKey = instanceKey.clone();
    }

    /** One provisioned role: its name (no path) and its unique id. */
    public record Role(String accountId, String name, String id) {
    }

    public Role of(String accountId, String permissionSet) {
        byte[] digest = SigV4.hmac(instanceKey, "AWSReservedSSO\n" + accountId + "\n" + permissionSet);
        String suffix = HexFormat.of().formatHex(digest, 0, SUFFIX_BYTES);
        return new Role(accountId, PREFIX + permissionSet + "_" + suffix, "AROA" + base32(digest, SUFFIX_BYTES));
    }

    /** {@link #ID_CHARS} base32 characters from the bits of {@code bytes} after {@code from}. */
    private static String base32(byte[] bytes, int from) {
        StringBuilder out = new StringBuilder(ID_CHARS);
        int buffer = 0;
        int bits = 0;
        for (int i = from; out.length() < ID_CHARS; i++) {
            buffer = (buffer << 8) | (bytes[i] & 0xFF);
            bits += 8;
            while (bits >= 5 && out.length() < ID_CHARS) {
                bits -= 5;
                out.append(BASE32[(buffer >> bits) & 0x1F]);
            }
        }
        return out.toString();
    }}
