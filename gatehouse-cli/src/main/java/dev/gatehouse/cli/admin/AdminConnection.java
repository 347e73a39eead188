package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.aws.AdminKeyFiles;
import dev.gatehouse.client.GatehouseClientException;
import dev.gatehouse.client.ServiceException;
import dev.gatehouse.client.gatehouseadmin.GatehouseAdminClient;
import dev.gatehouse.client.sigv4.SigningCredentials;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * How every {@code gatehouse admin} command reaches the service: the base URL ({@code --endpoint-url},
 * else {@code GATEHOUSE_ENDPOINT_URL}), the admin key ({@code --profile}; else {@code AWS_ACCESS_KEY_ID}
 * and {@code AWS_SECRET_ACCESS_KEY}; else the profile {@code AWS_PROFILE} or {@code default} of
 * {@code ~/.aws/credentials}), the signing region ({@code --region}, {@code AWS_REGION},
 * {@code AWS_DEFAULT_REGION}, else us-east-1: it must be the directory's), and how to print
 * ({@code --output table|json}). A call's error becomes a message that says what to do (exit 1).
 */
public final class AdminConnection {
    static final String ENDPOINT_VARIABLE = "GATEHOUSE_ENDPOINT_URL";

    /** How results are printed: a table for people, or JSON alone on stdout for scripts. */
    public enum Output {
        TABLE, JSON;

        /** {@code --output table|json}, in any case; anything else is bad usage naming both. */
        static final class Converter implements ITypeConverter<Output> {
            @Override
            public Output convert(String value) {
                try {
                    return Output.valueOf(value.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new TypeConversionException("'" + value + "' is not an output format: table or json");
                }
            }
        }
    }

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "The service's base URL, e.g. http://127.0.0.1:8080 (default: $" + ENDPOINT_VARIABLE + ").")
    String endpointUrl;

    @Option(names = "--profile", paramLabel = "P",
            description = "Sign with the admin key of this profile of ~/.aws/credentials (default: AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, else AWS_PROFILE or default).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "The directory's region, signed into each call (default: AWS_REGION, else us-east-1).")
    String region;

    @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table", converter = Output.Converter.class,
            description = "table (default) or json (alone on stdout).")
    Output output;

    boolean json() {
        return output == Output.JSON;
    }

    /** Runs one call on a client built from the options; service and connection errors become messages. */
    <T> T call(CliEnvironment environment, Function<GatehouseAdminClient, T> call) {
        URI endpoint = endpoint(environment.env());
        SigningCredentials credentials = credentials(environment);
        try (GatehouseAdminClient client = GatehouseAdminClient.builder()
                .endpointOverride(endpoint)
                .region(region(environment.env()))
                .credentials(credentials)
                .build()) {
            return call.apply(client);
        } catch (ServiceException e) {
            throw new CliException(e.getMessage() + hint(e.errorCode(), credentials.accessKeyId()));
        } catch (GatehouseClientException e) {
            throw new CliException(e.getMessage());
        }
    }

    private URI endpoint(Map<String, String> env) {
        String url = endpointUrl != null ? endpointUrl : env.get(ENDPOINT_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "Which service? Pass --endpoint-url URL or set " + ENDPOINT_VARIABLE + " (e.g. http://127.0.0.1:8080)");
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--endpoint-url must be an http:// or https:// URL, not " + url);
        }
    }

    private String region(Map<String, String> env) {
        for (String candidate : new String[] {region, env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION")}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate.strip();
            }
        }
        return GatehouseAdminClient.DEFAULT_REGION;
    }

    private SigningCredentials credentials(CliEnvironment environment) {
        Map<String, String> env = environment.env();
        if (profile == null) {
            String id = env.get("AWS_ACCESS_KEY_ID");
            String secret = env.get("AWS_SECRET_ACCESS_KEY");
            if (id != null && !id.isBlank() && secret != null && !secret.isBlank()) {
                return SigningCredentials.of(id.strip(), secret.strip());
            }
        }
        String name = profile != null ? profile
                : env.getOrDefault("AWS_PROFILE", "").isBlank() ? "default" : env.get("AWS_PROFILE").strip();
        return AdminKeyFiles.forProfile(name, env, environment.files())
                .map(key -> SigningCredentials.of(key.accessKeyId(), key.secretAccessKey()))
                .orElseThrow(() -> new CliException("no admin key: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or "
                        + "put aws_access_key_id and aws_secret_access_key under [" + name + "] in "
                        + AdminKeyFiles.credentialsFile(env, environment.files())
                        + (profile == null ? "" : " (--profile " + profile + ")")));
    }

    /** What to check when the service refused the key or the signature. */
    private static String hint(String errorCode, String keyId) {
        if (errorCode == null) {
            return "";
        }
        return switch (errorCode) {
            case "UnrecognizedClientException" -> "\n(the admin key " + keyId + " is unknown to this service or was revoked)";
            case "InvalidSignatureException" -> "\n(check the secret access key, the region (--region: the directory's) "
                    + "and this computer's clock)";
            default -> "";
        };
    }
}
