package dev.gatehouse.client.internal;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The AWS endpoints of a region: {@code https://{prefix}.{region}.{dnsSuffix}} — for example
 * {@code https://portal.sso.eu-west-1.amazonaws.com} and {@code https://oidc.eu-west-1.amazonaws.com};
 * China regions ({@code cn-*}) use {@code amazonaws.com.cn}.
 */
public final class Endpoints {
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Endpoints() {
    }

    public static URI forRegion(String endpointPrefix, String region) {
        checkRegion(region);
        String dnsSuffix = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
        return URI.create("https://" + endpointPrefix + "." + region + "." + dnsSuffix);
    }

    public static String checkRegion(String region) {
        if (region == null || region.length() > 64 || !REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must be an AWS region name such as us-east-1, not '" + region + "'");
        }
        return region;
    }

    /** An endpoint override must be an absolute http or https URI with a host, and no query or fragment. */
    public static URI checkOverride(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || endpoint.getHost() == null) {
            throw new IllegalArgumentException("endpointOverride must be an http or https URL with a host, "
                    + "for example http://127.0.0.1:8080, not '" + endpoint + "'");
        }
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException("endpointOverride must not have a query or fragment: '" + endpoint + "'");
        }
        return endpoint;
    }
}
