package dev.gatehouse.cli.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the {@code sso} and {@code sso-oidc} clients send their calls, in the order the AWS SDKs
 * use: {@code AWS_ENDPOINT_URL_<SERVICE>}, then {@code AWS_ENDPOINT_URL}, then the profile's
 * {@code services} section ({@code sso =} / {@code sso_oidc =} with {@code endpoint_url}), then the
 * profile's {@code endpoint_url}; otherwise the AWS host for the region.
 */
public final class Endpoints {
    /** The two services the CLI talks to, with their env and config names and default hosts. */
    public enum Service {
        SSO("SSO", "sso", "https://portal.sso.%s.amazonaws.com"),
        SSO_OIDC("SSO_OIDC", "sso_oidc", "https://oidc.%s.amazonaws.com");

        private final String envSuffix;
        private final String configKey;
        private final String defaultPattern;

        Service(String envSuffix, String configKey, String defaultPattern) {
            this.envSuffix = envSuffix;
            this.configKey = configKey;
            this.defaultPattern = defaultPattern;
        }
    }

    private Endpoints() {
    }

    public static URI resolve(Service service, String region, Map<String, String> env, AwsConfig config,
                              Optional<String> profileName) {
        Optional<AwsConfig.Section> profile = profileName.flatMap(config::profile);
        return nonBlank(env.get("AWS_ENDPOINT_URL_" + service.envSuffix))
                .or(() -> nonBlank(env.get("AWS_ENDPOINT_URL")))
                .or(() -> profile.flatMap(p -> p.get("services")).flatMap(config::services)
                        .map(s -> s.nested().get(service.configKey))
                        .flatMap(values -> nonBlank(values.get("endpoint_url"))))
                .or(() -> profile.flatMap(p -> p.get("endpoint_url")))
                .map(URI::create)
                .orElseGet(() -> URI.create(String.format(service.defaultPattern, region.toLowerCase(Locale.ROOT))));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
