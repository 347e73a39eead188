package dev.gatehouse.client.sigv4;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for requests with the signature in the {@code Authorization} header, as the
 * AWS SDKs sign every service but S3, with the JDK alone: the canonical request (the path's segments
 * URI-encoded once more, the query sorted, the given headers plus {@code host} and
 * {@code x-amz-date} lower-cased, trimmed and sorted, the SHA-256 of the payload), the string to
 * sign over the credential scope {@code date/region/service/aws4_request}, and the signing key
 * derived from the secret through that scope. {@link #sign} answers the headers to add; the caller
 * sends exactly the headers it signed (and any others it likes, unsigned).
 */
public final class SigV4Signer {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final SigningCredentials credentials;
    private final String region;
    private final String service;
    private final InstantSource clock;

    /**
     * @param region  the credential scope's region, for example {@code us-east-1}
     * @param service the service's signing name, for example {@code gatehouse} or {@code identitystore}
     */
    public SigV4Signer(SigningCredentials credentials, String region, String service, InstantSource clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.region = Objects.requireNonNull(region, "region");
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The headers to add to the request so that it is signed now: {@code X-Amz-Date},
     * {@code X-Amz-Security-Token} (temporary credentials only) and {@code Authorization}.
     *
     * @param uri     the full request URI; its host (and port, when not the scheme's default) is the signed {@code host}
     * @param headers the headers to sign besides {@code host}, as they will be sent
     * @param body    the payload, or null for none
     */
    public Map<String, String> sign(String method, URI uri, Map<String, String> headers, byte[] body) {
        String amzDate = AMZ_DATE.format(clock.instant());
        Map<String, String> signed = new TreeMap<>();
        headers.forEach((name, value) -> signed.put(name.toLowerCase(Locale.ROOT), canonicalValue(value)));
        signed.put("host", host(uri));
        signed.put("x-amz-date", amzDate);
        if (credentials.sessionToken() != null) {
            signed.put("x-amz-security-token", credentials.sessionToken());
        }
        String signedHeaders = String.join(";", signed.keySet());
        String canonicalRequest = method + "\n"
                + canonicalPath(uri.getRawPath()) + "\n"
                + canonicalQuery(uri.getRawQuery()) + "\n"
                + signed.entrySet().stream().map(h -> h.getKey() + ":" + h.getValue() + "\n").collect(Collectors.joining())
                + "\n"
                + signedHeaders + "\n"
                + sha256Hex(body == null ? new byte[0] : body);
        String scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        String signature = signature(credentials.secretAccessKey(), scope, amzDate, canonicalRequest);

        Map<String, String> add = new LinkedHashMap<>();
        add.put("X-Amz-Date", amzDate);
        if (credentials.sessionToken() != null) {
            add.put("X-Amz-Security-Token", credentials.sessionToken());
        }
        add.put("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return add;
    }

    /** The hex signature of a canonical request: HMAC of the string to sign with the key derived through the scope. */
    static String signature(String secret, String scope, String amzDate, String canonicalRequest) {
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
        byte[] key = ("AWS4" + secret).getBytes(StandardCharsets.UTF_8);
        for (String part : scope.split("/")) {
            key = hmac(key, part);
        }
        return HEX.formatHex(hmac(key, stringToSign));
    }

    /** The {@code host} header as an HTTP client sends it: the port only when it is not the scheme's default. */
    static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80)
                || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** Each segment of the raw (already encoded) path encoded once more; an empty path is {@code /}. */
    static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        StringBuilder out = new StringBuilder();
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(encode(segments[i]));
        }
        return out.toString();
    }

    /** Name=value pairs, each decoded then RFC 3986 encoded, sorted by name then value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                pairs.add(new String[] {encode(decode(eq < 0 ? pair : pair.substring(0, eq))),
                        encode(eq < 0 ? "" : decode(pair.substring(eq + 1)))});
            }
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    private static String canonicalValue(String value) {
        return value.strip().replaceAll("\\s+", " ");
    }

    /** RFC 3986: letters, digits and {@code -_.~} kept, every other byte of the UTF-8 form as %XX. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX.withUpperCase().toHexDigits((byte) c));
            }
        }
        return out.toString();
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
