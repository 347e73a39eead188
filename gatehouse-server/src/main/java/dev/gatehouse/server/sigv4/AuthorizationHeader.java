package dev.gatehouse.server.sigv4;

import dev.gatehouse.domain.credentials.SigV4;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=AKID/yyyymmdd/region/service/aws4_request, SignedHeaders=a;b, Signature=hex}.
 * Parsed tolerantly (any spacing around the commas); a missing or malformed part is an
 * IncompleteSignature, worded as STS words it.
 */
record AuthorizationHeader(String accessKeyId, SigV4.Scope scope, List<String> signedHeaders, String signature) {
    /** IAM's access key id: {@code [\w]+}, 16 to 128 characters. */
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{16,128}");

    static AuthorizationHeader parse(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (!algorithm.equals(SigV4.ALGORITHM)) {
            throw incomplete("Unsupported AWS 'algorithm': '" + printable(algorithm) + "'");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : value.substring(space + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.putIfAbsent(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (parts.getOrDefault(name, "").isEmpty()) {
                missing.add("Authorization header requires '" + name + "' parameter.");
            }
        }
        if (!missing.isEmpty()) {
            throw incomplete(String.join(" ", missing));
        }
        String credential = parts.get("Credential");
        String[] elements = credential.split("/", -1);
        if (elements.length != 5 || Arrays.stream(elements).anyMatch(String::isEmpty)) {
            throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g. "
                    + "keyid/date/region/service/term, got '" + printable(credential) + "'");
        }
        if (!ACCESS_KEY_ID.matcher(elements[0]).matches()) {
            // checked before anything looks the key up: no control character reaches the store
            throw incomplete("The access key id in Credential must be 16 to 128 letters, digits or underscores, got '"
                    + printable(elements[0]) + "'");
        }
        List<String> signedHeaders = Arrays.stream(parts.get("SignedHeaders").split(";"))
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .toList();
        if (!signedHeaders.contains("host")) {
            throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        return new AuthorizationHeader(elements[0],
                new SigV4.Scope(elements[1], elements[2], elements[3], elements[4]),
                signedHeaders, parts.get("Signature"));
    }

    private static GatehouseException incomplete(String message) {
        return new GatehouseException(ErrorCode.MALFORMED_SIGNATURE, message);
    }

    private static String printable(String value) {
        String cut = value.length() > 128 ? value.substring(0, 128) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
