package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.CliException;
import dev.gatehouse.cli.aws.AwsConfig;
import dev.gatehouse.cli.aws.CacheKeys;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a profile or an sso-session of {@code ~/.aws/config} says about signing in, resolved as the
 * AWS CLI resolves it: an sso-session ({@code sso_session} in the profile, or {@code --sso-session})
 * gives the start URL, the region and the registration scopes; a legacy profile holds
 * {@code sso_start_url} and {@code sso_region} itself (device flow only, no refresh).
 *
 * @param sessionName     the sso-session, or null for a legacy profile
 * @param endpointProfile the profile whose {@code services} / {@code endpoint_url} settings apply
 * @param accountId       {@code sso_account_id} of the profile, if any
 * @param roleName        {@code sso_role_name} of the profile, if any
 */
public record SsoTarget(String sessionName, String startUrl, String region, List<String> scopes,
                        Optional<String> endpointProfile, Optional<String> accountId, Optional<String> roleName) {

    public SsoTarget {
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(region, "region");
        scopes = List.copyOf(scopes);
    }

    /** The profile named by {@code AWS_PROFILE}, else {@code default}. */
    public static String defaultProfile(Map<String, String> env) {
        String named = env.get("AWS_PROFILE");
        return named == null || named.isBlank() ? "default" : named.strip();
    }

    /** A profile: its sso-session, or its own legacy settings. */
    public static SsoTarget forProfile(AwsConfig config, String profileName, String configFile) {
        AwsConfig.Section profile = config.profile(profileName).orElseThrow(() -> new CliException(
                "the profile " + profileName + " is not in " + configFile));
        Optional<String> account = profile.get("sso_account_id");
        Optional<String> role = profile.get("sso_role_name");
        Optional<String> sessionName = profile.get("sso_session");
        if (sessionName.isPresent()) {
            AwsConfig.Section session = config.ssoSession(sessionName.get()).orElseThrow(() -> new CliException(
                    "the sso-session " + sessionName.get() + " of profile " + profileName + " is not in " + configFile));
            for (String key : List.of("sso_start_url", "sso_region")) {
                if (profile.get(key).isPresent() && !profile.get(key).equals(session.get(key))) {
                    throw new CliException("the value of " + key + " is inconsistent between profile " + profileName
                            + " and sso-session " + sessionName.get() + " in " + configFile);
                }
            }
            return ofSession(session, configFile, Optional.of(profileName), account, role);
        }
        Optional<String> startUrl = profile.get("sso_start_url");
        Optional<String> region = profile.get("sso_region");
        if (startUrl.isEmpty() || region.isEmpty()) {
            throw new CliException("the profile " + profileName + " is not set up for SSO: it needs sso_session "
                    + "(and an [sso-session] section), or sso_start_url and sso_region, in " + configFile);
        }
        return new SsoTarget(null, startUrl.get(), region.get(), scopes(profile), Optional.of(profileName), account, role);
    }

    /**
     * An sso-session named on the command line. Endpoint settings come from a profile that uses
     * this session, else from {@code AWS_PROFILE}, else from {@code default}.
     */
    public static SsoTarget forSession(AwsConfig config, String sessionName, Map<String, String> env, String configFile) {
        AwsConfig.Section session = config.ssoSession(sessionName).orElseThrow(() -> new CliException(
                "the sso-session " + sessionName + " is not in " + configFile));
        return ofSession(session, configFile, Optional.of(endpointProfileFor(config, sessionName, env)),
                Optional.empty(), Optional.empty());
    }

    /** The profile whose endpoint settings apply to calls for an sso-session (see {@link #forSession}). */
    public static String endpointProfileFor(AwsConfig config, String sessionName, Map<String, String> env) {
        return config.profiles().entrySet().stream()
                .filter(p -> p.getValue().get("sso_session").filter(sessionName::equals).isPresent())
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst()
                .orElseGet(() -> defaultProfile(env));
    }

    private static SsoTarget ofSession(AwsConfig.Section session, String configFile, Optional<String> endpointProfile,
                                       Optional<String> account, Optional<String> role) {
        Optional<String> startUrl = session.get("sso_start_url");
        Optional<String> region = session.get("sso_region");
        if (startUrl.isEmpty() || region.isEmpty()) {
            throw new CliException("the sso-session " + session.name() + " needs sso_start_url and sso_region in " + configFile);
        }
        return new SsoTarget(session.name(), startUrl.get(), region.get(), scopes(session), endpointProfile, account, role);
    }

    private static List<String> scopes(AwsConfig.Section section) {
        return section.get("sso_registration_scopes")
                .map(value -> Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public boolean legacy() {
        return sessionName == null;
    }

    /** The name the SSO token file is keyed by: the session name, or the start URL of a legacy profile. */
    public String cacheKey() {
        return legacy() ? startUrl : sessionName;
    }

    /** How messages name it: {@code sso-session dev} or {@code start URL https://...}. */
    public String describe() {
        return legacy() ? "start URL " + startUrl : "sso-session " + sessionName;
    }

    /**
     * The role-credential cache files of every profile that signs in through this session (or, for
     * a legacy target, through this start URL without a session).
     */
    public List<String> roleCredentialFiles(AwsConfig config) {
        return config.profiles().values().stream()
                .filter(p -> legacy()
                        ? p.get("sso_session").isEmpty() && p.get("sso_start_url").filter(startUrl::equals).isPresent()
                        : p.get("sso_session").filter(sessionName::equals).isPresent())
                .filter(p -> p.get("sso_account_id").isPresent() && p.get("sso_role_name").isPresent())
                .map(p -> CacheKeys.roleCredentialsFile(p.get("sso_account_id").get(), p.get("sso_role_name").get(),
                        sessionName, legacy() ? startUrl : null))
                .distinct()
                .toList();
    }
}
