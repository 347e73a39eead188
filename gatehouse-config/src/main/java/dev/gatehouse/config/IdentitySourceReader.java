package dev.gatehouse.config;

import dev.gatehouse.config.GatehouseConfig.IdpMetadataLocation;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.federation.IdentitySource.OidcProvider;
import dev.gatehouse.domain.federation.IdentitySource.SamlProvider;
import dev.gatehouse.domain.federation.IdentitySource.UserMatch;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the {@code identitySource} section: where users prove who they are. Absent, or {@code type:
 * directory}, it is Gatehouse's own directory; {@code type: oidc} an OpenID Connect provider;
 * {@code type: saml} a SAML 2.0 identity provider, whose metadata is read now ({@link IdpMetadataReader})
 * from a file beside the directory file or a URL. The {@code type} chooses the keys the section may have.
 * A client secret is never echoed in a message.
 */
final class IdentitySourceReader {
    static final IdentitySource DEFAULT = new IdentitySource.OwnDirectory();
    static final List<String> DEFAULT_SCOPES = List.of("openid", "profile", "email");
    static final String DEFAULT_USER_CLAIM = "preferred_username";
    static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(2);
    /** java-saml checks time conditions with a fixed 3-minute tolerance: a larger skew could not be honoured. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(3);
    static final String[] OIDC_KEYS = {"type", "issuer", "clientId", "clientSecret", "scopes", "userClaim", "match",
            "groupsClaim", "justInTimeUsers"};
    static final String[] SAML_KEYS = {"type", "idpMetadataFile", "idpMetadataUrl", "match", "groupsAttribute",
            "justInTimeUsers", "clockSkew", "spEntityId"};
    /** RFC 6749's scope token: printable ASCII but space, double quote and backslash. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    private static final String URL_RULE = "an https:// URL (http:// only on localhost or 127.0.0.1)";

    /** The identity source, and where a SAML provider's metadata came from. */
    record Read(IdentitySource source, Optional<IdpMetadataLocation> idpMetadata) {
    }

    private static final Read OWN_DIRECTORY = new Read(DEFAULT, Optional.empty());

    private IdentitySourceReader() {
    }

    /**
     * The section's identity source, the default when it is absent or has problems (which are recorded);
     * a relative {@code idpMetadataFile} is taken from {@code base}, the directory file's folder.
     */
    static Read read(Optional<YamlValue> section, Path base) {
        if (section.isEmpty()) {
            return OWN_DIRECTORY;
        }
        YamlValue value = section.get();
        Optional<YamlValue> type = value.peek("type");
        if (type.isEmpty()) {
            value.map(union()).ifPresent(m -> m.require("type"));
            return OWN_DIRECTORY;
        }
        return type.flatMap(t -> t.string(s -> s.equals("directory") || s.equals("oidc") || s.equals("saml"),
                        "'type' must be directory, oidc or saml, was '%s'"))
                .flatMap(t -> switch (t) {
                    case "oidc" -> value.map(OIDC_KEYS).flatMap(IdentitySourceReader::oidc);
                    case "saml" -> value.map(SAML_KEYS).flatMap(m -> saml(m, base));
                    default -> value.map("type").map(m -> OWN_DIRECTORY);
                })
                .orElse(OWN_DIRECTORY);
    }

    private static Optional<Read> oidc(YamlMap m) {
        Optional<URI> issuer = m.require("issuer")
                .flatMap(v -> v.string(s -> isProviderUrl(s, false),
                        "'issuer' must be " + URL_RULE + " without query or fragment, was '%s'"))
                .map(URI::create);
        Optional<String> clientId = m.require("clientId")
                .flatMap(v -> v.string(s -> !s.isBlank(), "'clientId' must not be blank"));
        // written but empty is a mistake (a variable left unset?), not a public client
        boolean secretWritten = m.has("clientSecret");
        Optional<String> clientSecret = secretWritten
                ? m.require("clientSecret").flatMap(v -> v.string(s -> !s.isBlank(),
                "'clientSecret' must not be blank (the value is not shown)"))
                : Optional.empty();
        List<String> scopes = m.get("scopes").map(IdentitySourceReader::scopes).orElse(DEFAULT_SCOPES);
        String userClaim = m.get("userClaim").flatMap(v -> v.string(s -> !s.isBlank(), "'userClaim' must not be blank"))
                .orElse(DEFAULT_USER_CLAIM);
        UserMatch match = m.get("match").flatMap(IdentitySourceReader::match).orElse(UserMatch.USER_NAME);
        Optional<String> groupsClaim = m.get("groupsClaim")
                .flatMap(v -> v.string(s -> !s.isBlank(), "'groupsClaim' must not be blank"));
        boolean justInTime = m.get("justInTimeUsers").flatMap(YamlValue::bool).orElse(false);
        if (issuer.isEmpty() || clientId.isEmpty() || secretWritten && clientSecret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Read(new OidcProvider(issuer.get(), clientId.get(), clientSecret, scopes, userClaim,
                match, groupsClaim, justInTime), Optional.empty()));
    }

    private static Optional<Read> saml(YamlMap m, Path base) {
        Optional<Metadata> metadata = m.oneOf("idpMetadataFile", "idpMetadataUrl").flatMap(key -> m.require(key)
                .flatMap(v -> key.equals("idpMetadataFile") ? metadataFile(v, base) : metadataUrl(v)));
        UserMatch match = m.get("match").flatMap(IdentitySourceReader::match).orElse(UserMatch.EMAIL);
        Optional<String> groupsAttribute = m.get("groupsAttribute")
                .flatMap(v -> v.string(s -> !s.isBlank(), "'groupsAttribute' must not be blank"));
        boolean justInTime = m.get("justInTimeUsers").flatMap(YamlValue::bool).orElse(false);
        Duration clockSkew = m.get("clockSkew").flatMap(v -> v.duration(Duration.ZERO, MAX_CLOCK_SKEW))
                .orElse(DEFAULT_CLOCK_SKEW);
        Optional<String> spEntityId = m.get("spEntityId")
                .flatMap(v -> v.string(s -> !s.isBlank(), "'spEntityId' must not be blank"));
        return metadata.map(md -> new Read(new SamlProvider(md.xml(), match, groupsAttribute, justInTime, clockSkew,
                spEntityId), Optional.of(md.location())));
    }

    /** A SAML provider's metadata and where it was read from. */
    private record Metadata(IdpMetadataLocation location, String xml) {
    }

    /** {@code idpMetadataFile}: relative to the directory file's folder, and written back absolute. */
    private static Optional<Metadata> metadataFile(YamlValue v, Path base) {
        return v.string(s -> !s.isBlank(), "'idpMetadataFile' must not be blank").flatMap(path -> {
            Path file;
            try {
                file = base.resolve(path).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                v.fail("'idpMetadataFile' is not a valid path: %s".formatted(e.getReason()));
                return Optional.empty();
            }
            return IdpMetadataReader.fromFile(v, file)
                    .map(xml -> new Metadata(new IdpMetadataLocation("idpMetadataFile", file.toString()), xml));
        });
    }

    /** {@code idpMetadataUrl}: fetched now, and again at every start. */
    private static Optional<Metadata> metadataUrl(YamlValue v) {
        return v.string(s -> isProviderUrl(s, true), "'idpMetadataUrl' must be " + URL_RULE + ", was '%s'")
                .flatMap(url -> IdpMetadataReader.fromUrl(v, URI.create(url))
                        .map(xml -> new Metadata(new IdpMetadataLocation("idpMetadataUrl", url), xml)));
    }

    /** Scope tokens; {@code openid} must be among them, since without it there is no ID token. */
    private static List<String> scopes(YamlValue v) {
        Optional<List<YamlValue>> list = v.list();
        List<YamlValue> items = list.orElse(List.of());
        List<String> scopes = items.stream()
                .map(i -> i.string(s -> SCOPE.matcher(s).matches(),
                        "a scope must be printable ASCII without spaces, quotes or backslashes, was '%s'"))
                .flatMap(Optional::stream)
                .distinct()
                .toList();
        if (list.isPresent() && scopes.size() == items.size() && !scopes.contains("openid")) {
            v.fail("'scopes' must include openid");
        }
        return scopes;
    }

    private static Optional<UserMatch> match(YamlValue v) {
        return v.string(s -> s.equals("userName") || s.equals("email"), "'match' must be userName or email, was '%s'")
                .map(s -> s.equals("userName") ? UserMatch.USER_NAME : UserMatch.EMAIL);
    }

    /** How a {@link UserMatch} is written in the directory file. */
    static String matchName(UserMatch match) {
        return match == UserMatch.USER_NAME ? "userName" : "email";
    }

    /**
     * An absolute https:// URL with a host, or http:// on the loopback names (a provider started beside
     * Gatehouse, as in the tests); an OIDC issuer has neither query nor fragment.
     */
    static boolean isProviderUrl(String text, boolean queryAllowed) {
        try {
            URI uri = new URI(text);
            if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null
                    || !queryAllowed && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
                return false;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return scheme.equals("https")
                    || scheme.equals("http") && (host.equals("localhost") || host.equals("127.0.0.1"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String[] union() {
        return Stream.concat(Arrays.stream(OIDC_KEYS), Arrays.stream(SAML_KEYS)).distinct().toArray(String[]::new);
    }
}
