package dev.gatehouse.domain.directory;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The identifiers of this Gatehouse's directory, in AWS's shapes: one identity store
 * ({@code d-} and 10 hex digits) and one sso-admin instance ({@code ssoins-} and 16), both derived from
 * the data set's instance key so that every instance on one store names them alike; user, group and
 * membership ids ({@code <10 hex>-<uuid>}); permission set ARNs. Entries the directory file names get
 * ids derived from what names them, so that a file imported twice, or by two instances at once, makes
 * the same entries.
 */
public final class DirectoryIds {
    private final byte[] instanceKey;
    private final String storeHex;
    private final String instanceHex;

    public DirectoryIds(byte[] instanceKey) {
        this.instanceKey = instanceKey.clone();
        this.storeHex = hex(mac("identity-store-id"), 10);
        this.instanceHex = hex(mac("sso-instance-id"), 16);
    }

    public String identityStoreId() {
        return "d-" + storeHex;
    }

    public String instanceArn() {
        return "arn:aws:sso:::instance/ssoins-" + instanceHex;
    }

    /** A new user, group or membership id. */
    public String newResourceId() {
        return storeHex + "-" + UUID.randomUUID();
    }

    /** The id of an entry the file names, from its kind and name: the same on every import. */
    public String fileResourceId(EntryKind kind, String name) {
        return storeHex + "-" + uuidOf(mac(kind.storedName() + "\n" + name));
    }

    public String newPermissionSetArn() {
        return permissionSetArn(HexFormat.of().formatHex(dev.gatehouse.domain.token.RandomIds.bytes(8)));
    }

    public String filePermissionSetArn(String name) {
        return permissionSetArn(hex(mac("permission-set\n" + name), 16));
    }

    private String permissionSetArn(String hex16) {
        return "arn:aws:sso:::permissionSet/ssoins-" + instanceHex + "/ps-" + hex16;
    }

    private byte[] mac(String what) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(instanceKey, "HmacSHA256"));
            return mac.doFinal(what.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    private static String hex(byte[] bytes, int digits) {
        return HexFormat.of().formatHex(bytes).substring(0, digits);
    }

    private static UUID uuidOf(byte[] digest) {
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (digest[i] & 0xff);
            lsb = (lsb << 8) | (digest[i + 8] & 0xff);
        }
        msb = (msb & ~0xF000L) | 0x8000L; // version 8: custom
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
