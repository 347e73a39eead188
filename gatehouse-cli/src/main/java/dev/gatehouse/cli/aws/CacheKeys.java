package dev.gatehouse.cli.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The file names the AWS CLI v2 gives its cache entries: lower-case hex SHA-1 of a string, + ".json".
 * Registration and role-credential keys hash Python's {@code json.dumps(..., sort_keys=True)}, so
 * this class writes that exact text (the two separator styles, ASCII escapes, {@code null}).
 */
public final class CacheKeys {
    private CacheKeys() {
    }

    /** The SSO token file: SHA-1 of the sso-session name, or of the start URL for legacy profiles. */
    public static String tokenFile(String sessionNameOrStartUrl) {
        return sha1(sessionNameOrStartUrl) + ".json";
    }

    /** The client-registration file, as the CLI's login names it. */
    public static String registrationFile(String startUrl, String region, List<String> scopes, String sessionName) {
        Map<String, Object> args = new TreeMap<>();
        args.put("region", region);
        args.put("scopes", scopes);
        args.put("session_name", sessionName);
        args.put("startUrl", startUrl);
        args.put("tool", "botocore");
        return sha1(pythonJson(args, ", ", ": ")) + ".json";
    }

    /** The role-credential file in ~/.aws/cli/cache. */
    public static String roleCredentialsFile(String accountId, String roleName, String sessionName, String startUrl) {
        Map<String, Object> args = new TreeMap<>();
        args.put("accountId", accountId);
        args.put("roleName", roleName);
        if (sessionName != null) {
            args.put("sessionName", sessionName);
        } else {
            args.put("startUrl", startUrl);
        }
        return sha1(pythonJson(args, ",", ":")) + ".json";
    }

    /** {@code json.dumps(value, sort_keys=True, separators=(item, key))} with {@code ensure_ascii}. */
    static String pythonJson(Object value, String itemSeparator, String keySeparator) {
        StringBuilder out = new StringBuilder();
        write(out, value, itemSeparator, keySeparator);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, String items, String keys) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(items);
                }
                write(out, list.get(i), items, keys);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    out.append(items);
                }
                first = false;
                string(out, e.getKey().toString());
                out.append(keys);
                write(out, e.getValue(), items, keys);
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("unsupported " + value.getClass());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
