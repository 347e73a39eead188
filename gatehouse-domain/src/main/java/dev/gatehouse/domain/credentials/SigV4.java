package dev.gatehouse.domain.credentials;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of AWS Signature Version 4, and nothing else: the string to sign, the signing key
 * derived from the secret through the credential scope, the signature, and a constant-time
 * comparison. Which request is signed, and whether the signer may sign it, are decided elsewhere.
 */
public final class SigV4 {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String TERMINATOR = "aws4_request";
    private static final HexFormat HEX = HexFormat.of();

    private SigV4() {
    }

    /** The credential scope: {@code yyyymmdd/region/service/aws4_request}. */
    public record Scope(String date, String region, String service, String terminator) {
        @Override
        public String toString() {
            return date + "/" + region + "/" + service + "/" + terminator;
        }
    }

    /** {@code AWS4-HMAC-SHA256 \n amzDate \n scope \n hex(SHA-256(canonical request))}. */
    public static String stringToSign(String amzDate, Scope scope, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    /** The lowercase hex signature of a canonical request signed with {@code secret} at {@code amzDate}. */
    public static String signature(String secret, Scope scope, String amzDate, String canonicalRequest) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date());
        key = hmac(key, scope.region());
        key = hmac(key, scope.service());
        key = hmac(key, scope.terminator());
        return HEX.formatHex(hmac(key, stringToSign(amzDate, scope, canonicalRequest)));
    }

    /** Compares two signatures in time that does not depend on where they differ. */
    public static boolean sameSignature(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 of the UTF-8 text; also the derivations of the other credential values. */
    public static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
