package dev.gatehouse.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.config.GatehouseConfig.IdpMetadataLocation;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.MutableClock;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.federation.IdentitySource.OidcProvider;
import dev.gatehouse.domain.federation.IdentitySource.SamlProvider;
import dev.gatehouse.domain.federation.IdentitySource.UserMatch;
import dev.gatehouse.domain.store.InMemoryStore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The directory file's {@code identitySource}: own directory, OIDC or SAML (metadata from a file beside the
 * directory file or from a URL served by a real HTTP server); each bad value with its line and message;
 * and an export that reads back to the same identity source.
 */
class IdentitySourceConfigTest {
    private static final String METADATA = """
            <?xml version="1.0" encoding="UTF-8"?>
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/realms/acme">
              <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                                        Location="https://idp.example.com/realms/acme/protocol/saml"/>
              </md:IDPSSODescriptor>
            </md:EntityDescriptor>
            """;
    private static final String SP_METADATA = """
            <EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://gatehouse.example.com">
              <SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>
            </EntityDescriptor>
            """;

    @TempDir
    Path dir;
    Path file;
    HttpServer server;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));

    @BeforeEach
    void setUp() throws IOException {
        file = dir.resolve("gatehouse.yaml");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/realms/acme/protocol/saml/descriptor", 200, METADATA.getBytes(StandardCharsets.UTF_8));
        serve("/sp", 200, SP_METADATA.getBytes(StandardCharsets.UTF_8));
        serve("/gone", 404, "not here".getBytes(StandardCharsets.UTF_8));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void serve(String path, int status, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/samlmetadata+xml");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private GatehouseConfig load(Path path, String yaml) throws IOException {
        Files.writeString(path, yaml);
        return ConfigLoader.load(path);
    }

    private IdentitySource identitySource(String yaml) throws IOException {
        return load(file, yaml).directory().identitySource();
    }

    private String problemsOf(String yaml) throws IOException {
        Files.writeString(file, yaml);
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.load(file)).getMessage();
    }

    @Test
    void withoutTheSectionUsersSignInWithTheOwnDirectory() throws IOException {
        assertThat(identitySource("users: []\n")).isEqualTo(new IdentitySource.OwnDirectory());
        assertThat(identitySource("identitySource: {type: directory}\n")).isEqualTo(new IdentitySource.OwnDirectory());
        assertThat(load(file, "identitySource:\n").idpMetadata()).isEmpty();
    }

    @Test
    void anOidcProviderWithEveryKey() throws IOException {
        assertThat(identitySource("""
                identitySource:
                  type: oidc
                  issuer: https://idp.example.com/realms/acme
                  clientId: gatehouse
                  clientSecret: "s3cret: with a colon"
                  scopes: [openid, email, groups]
                  userClaim: email
                  match: email
                  groupsClaim: groups
                  justInTimeUsers: true
                """)).isEqualTo(new OidcProvider(URI.create("https://idp.example.com/realms/acme"), "gatehouse",
                Optional.of("s3cret: with a colon"), List.of("openid", "email", "groups"), "email", UserMatch.EMAIL,
                Optional.of("groups"), true));
    }

    @ParameterizedTest
    @CsvSource({"https://idp.example.com", "http://localhost:8180/realms/acme", "http://127.0.0.1:8180/realms/acme/",
            "HTTPS://Login.Example.com/tenant/v2.0"})
    void anOidcProviderWithOnlyIssuerAndClientIdTakesTheDefaults(String issuer) throws IOException {
        assertThat(identitySource("""
                identitySource: {type: oidc, issuer: "%s", clientId: gatehouse}
                """.formatted(issuer))).isEqualTo(new OidcProvider(URI.create(issuer), "gatehouse", Optional.empty(),
                List.of("openid", "profile", "email"), "preferred_username", UserMatch.USER_NAME, Optional.empty(),
                false));
    }

    @Test
    void aSamlProviderReadsItsMetadataFileBesideTheDirectoryFile() throws IOException {
        Files.createDirectories(dir.resolve("idp"));
        Files.writeString(dir.resolve("idp/keycloak-saml.xml"), METADATA);
        GatehouseConfig config = load(file, """
                identitySource:
                  type: saml
                  idpMetadataFile: idp/keycloak-saml.xml
                  match: userName
                  groupsAttribute: groups
                  justInTimeUsers: true
                  clockSkew: PT30S
                  spEntityId: gatehouse-sp
                """);

        assertThat(config.directory().identitySource()).isEqualTo(new SamlProvider(METADATA, UserMatch.USER_NAME,
                Optional.of("groups"), true, Duration.ofSeconds(30), Optional.of("gatehouse-sp")));
        assertThat(config.idpMetadata()).contains(new IdpMetadataLocation("idpMetadataFile",
                dir.resolve("idp/keycloak-saml.xml").toAbsolutePath().normalize().toString()));
    }

    @Test
    void aSamlProviderFetchesItsMetadataUrlWithTheDefaults() throws IOException {
        String url = url("/realms/acme/protocol/saml/descriptor");
        GatehouseConfig config = load(file, "identitySource: {type: saml, idpMetadataUrl: \"" + url + "\"}\n");

        assertThat(config.directory().identitySource()).isEqualTo(new SamlProvider(METADATA, UserMatch.EMAIL,
                Optional.empty(), false, Duration.ofMinutes(2)));
        assertThat(config.idpMetadata()).contains(new IdpMetadataLocation("idpMetadataUrl", url));
    }

    @Test
    void metadataIsReadInTheEncodingItsXmlDeclares() throws IOException {
        String latin1 = METADATA.replace("UTF-8", "ISO-8859-1").replace("realms/acme\">", "realms/acmé\">");
        Files.write(dir.resolve("latin1.xml"), latin1.getBytes(StandardCharsets.ISO_8859_1));

        IdentitySource source = identitySource("identitySource: {type: saml, idpMetadataFile: latin1.xml}\n");

        assertThat(((SamlProvider) source).idpMetadata()).isEqualTo(latin1).contains("acmé");
    }

    private static final String OIDC = """
            users: []
            identitySource:
              type: oidc
            """;
    private static final String SAML = """
            users: []
            identitySource:
              type: saml
            """;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            identitySource: {type: ldap}          | 1 | 'type' must be directory, oidc or saml, was 'ldap'
            identitySource: {issuer: https://x}   | 1 | missing required key 'type'
            identitySource: oidc                  | 1 | expected a mapping for 'identitySource', found the string 'oidc'
            identitySource: {type: directory, issuer: https://x} | 1 | unknown key 'issuer' (expected one of: type)
            identitySource: {type: [oidc]}        | 1 | expected a string for 'type', found a list
            """)
    void aBadTypeIsRefused(String yaml, int line, String problem) throws IOException {
        assertThat(problemsOf(yaml)).isEqualTo(file + ":" + line + ": " + problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            issuer: http://idp.example.com                   | 4 | 'issuer' must be an https:// URL (http:// only on localhost or 127.0.0.1) without query or fragment, was 'http://idp.example.com'
            issuer: https://idp.example.com/?tenant=1        | 4 | 'issuer' must be an https:// URL (http:// only on localhost or 127.0.0.1) without query or fragment, was 'https://idp.example.com/?tenant=1'
            issuer: https://idp.example.com/#top             | 4 | 'issuer' must be an https:// URL (http:// only on localhost or 127.0.0.1) without query or fragment, was 'https://idp.example.com/#top'
            issuer: idp.example.com                          | 4 | 'issuer' must be an https:// URL (http:// only on localhost or 127.0.0.1) without query or fragment, was 'idp.example.com'
            issuer: https://user@idp.example.com             | 4 | 'issuer' must be an https:// URL (http:// only on localhost or 127.0.0.1) without query or fragment, was 'https://user@idp.example.com'
            issuer: http://localhost.example.com             | 4 | 'issuer' must be an https:// URL (http:// only on localhost or 127.0.0.1) without query or fragment, was 'http://localhost.example.com'
            clientId: " "                                    | 4 | 'clientId' must not be blank
            clientSecret: ""                                 | 4 | 'clientSecret' must not be blank (the value is not shown)
            clientSecret:                                    | 4 | 'clientSecret' must have a value
            scopes: [profile, email]                         | 4 | 'scopes' must include openid
            scopes: []                                       | 4 | 'scopes' must include openid
            scopes: openid                                   | 4 | expected a list for 'scopes', found the string 'openid'
            scopes: [openid, "a b"]                          | 4 | a scope must be printable ASCII without spaces, quotes or backslashes, was 'a b'
            userClaim: ""                                    | 4 | 'userClaim' must not be blank
            match: upn                                       | 4 | 'match' must be userName or email, was 'upn'
            groupsClaim: ""                                  | 4 | 'groupsClaim' must not be blank
            justInTimeUsers: "yes"                           | 4 | expected true or false for 'justInTimeUsers', found the string 'yes'
            idpMetadataFile: idp.xml                         | 4 | unknown key 'idpMetadataFile' (expected one of: type, issuer, clientId, clientSecret, scopes, userClaim, match, groupsClaim, justInTimeUsers)
            """)
    void aBadOidcValueIsRefusedAtItsLine(String entry, int line, String problem) throws IOException {
        String key = entry.substring(0, entry.indexOf(':'));
        String yaml = OIDC + "  " + entry + "\n" + (key.equals("issuer") ? "" : "  issuer: https://idp.example.com\n")
                + (key.equals("clientId") ? "" : "  clientId: gatehouse\n");
        assertThat(problemsOf(yaml)).isEqualTo(file + ":" + line + ": " + problem);
    }

    @Test
    void anOidcProviderNeedsIssuerAndClientId() throws IOException {
        assertThat(problemsOf(OIDC)).isEqualTo(file + ":3: missing required key 'issuer'\n"
                + file + ":3: missing required key 'clientId'");
    }

    @Test
    void aClientSecretIsNeverShown() throws IOException {
        assertThat(problemsOf(OIDC + "  issuer: https://idp.example.com\n  clientId: gatehouse\n"
                + "  clientSecret: {value: hunter2}\n"))
                .isEqualTo(file + ":6: expected a string for 'clientSecret', found a mapping");
    }

    @Test
    void aSamlProviderNeedsExactlyOneOfMetadataFileAndUrl() throws IOException {
        assertThat(problemsOf(SAML)).isEqualTo(file + ":3: missing required key 'idpMetadataFile' or 'idpMetadataUrl'");
        assertThat(problemsOf(SAML + "  idpMetadataFile: idp.xml\n  idpMetadataUrl: https://idp.example.com/md\n"))
                .isEqualTo(file + ":5: give either 'idpMetadataFile' or 'idpMetadataUrl', not both");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not xml at all                                   | is not XML: line 1: Content is not allowed in prolog.
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">  | is not XML: line 1: XML document structures must start and end within the same entity.
            <html><body>Sign in</body></html>                | is not SAML 2.0 metadata: its root element is <html>, expected md:EntityDescriptor (urn:oasis:names:tc:SAML:2.0:metadata)
            `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>` | has a DOCTYPE, which is refused (SAML metadata needs none; it could name outside files)
            """)
    void metadataThatIsNotAnIdentityProvidersIsRefused(String content, String problem) throws IOException {
        Files.writeString(dir.resolve("idp.xml"), content);
        assertThat(problemsOf(SAML + "  idpMetadataFile: idp.xml\n"))
                .isEqualTo(file + ":4: 'idpMetadataFile' " + dir.resolve("idp.xml") + " " + problem);
    }

    @Test
    void serviceProviderMetadataIsRefused() throws IOException {
        assertThat(problemsOf(SAML + "  idpMetadataUrl: " + url("/sp") + "\n")).isEqualTo(file + ":4: 'idpMetadataUrl' "
                + url("/sp") + " has no IDPSSODescriptor: it is not an identity provider's metadata");
    }

    @Test
    void anUnreadableMetadataFileIsRefused() throws IOException {
        Files.createDirectories(dir.resolve("folder"));
        assertThat(problemsOf(SAML + "  idpMetadataFile: missing.xml\n")).isEqualTo(
                file + ":4: cannot read 'idpMetadataFile' " + dir.resolve("missing.xml") + ": file not found");
        assertThat(problemsOf(SAML + "  idpMetadataFile: folder\n")).isEqualTo(
                file + ":4: cannot read 'idpMetadataFile' " + dir.resolve("folder") + ": it is a directory");
    }

    @Test
    void aMetadataUrlThatDoesNotAnswerWithMetadataIsRefused() throws IOException {
        assertThat(problemsOf(SAML + "  idpMetadataUrl: " + url("/gone") + "\n"))
                .isEqualTo(file + ":4: cannot fetch 'idpMetadataUrl' " + url("/gone") + ": HTTP status 404");
        assertThat(problemsOf(SAML + "  idpMetadataUrl: http://idp.example.com/md\n")).isEqualTo(file
                + ":4: 'idpMetadataUrl' must be an https:// URL (http:// only on localhost or 127.0.0.1), was "
                + "'http://idp.example.com/md'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            clockSkew: PT4M       | 'clockSkew' must be between PT0S and PT3M, was PT4M
            clockSkew: -PT1S      | 'clockSkew' must be between PT0S and PT3M, was -PT1S
            clockSkew: 2 minutes  | 'clockSkew' must be an ISO-8601 duration such as PT1H or P1D, was '2 minutes'
            match: nameId         | 'match' must be userName or email, was 'nameId'
            groupsAttribute: ""   | 'groupsAttribute' must not be blank
            justInTimeUsers: 1    | expected true or false for 'justInTimeUsers', found the integer 1
            clientId: gatehouse   | unknown key 'clientId' (expected one of: type, idpMetadataFile, idpMetadataUrl, match, groupsAttribute, justInTimeUsers, clockSkew, spEntityId)
            """)
    void aBadSamlValueIsRefusedAtItsLine(String entry, String problem) throws IOException {
        Files.writeString(dir.resolve("idp.xml"), METADATA);
        assertThat(problemsOf(SAML + "  idpMetadataFile: idp.xml\n  " + entry + "\n"))
                .isEqualTo(file + ":5: " + problem);
    }

    @Test
    void anExportWritesTheOidcProviderBackWithItsSecret() throws IOException {
        GatehouseConfig config = load(file, """
                identitySource:
                  type: oidc
                  issuer: https://idp.example.com/realms/acme
                  clientId: gatehouse
                  clientSecret: "s3cret: with a colon"
                  scopes: [openid, groups]
                  groupsClaim: groups
                  justInTimeUsers: true
                """);

        String yaml = export(config);

        assertThat(yaml).contains("""
                identitySource:
                  type: oidc
                  issuer: https://idp.example.com/realms/acme
                  clientId: gatehouse
                  clientSecret: 's3cret: with a colon'
                  scopes:
                    - openid
                    - groups
                  groupsClaim: groups
                  justInTimeUsers: true
                users:""");
        assertThat(load(dir.resolve("exported.yaml"), yaml).directory().identitySource())
                .isEqualTo(config.directory().identitySource());
    }

    @Test
    void anExportLeavesOutTheDefaults() throws IOException {
        GatehouseConfig oidc = load(file, "identitySource: {type: oidc, issuer: \"http://localhost:8180/\", "
                + "clientId: gatehouse, match: userName, userClaim: preferred_username}\n");
        assertThat(export(oidc)).contains("identitySource:\n  type: oidc\n  issuer: http://localhost:8180/\n"
                + "  clientId: gatehouse\nusers:");
        assertThat(export(load(file, "identitySource: {type: directory}\n"))).doesNotContain("identitySource");
    }

    @Test
    void anExportNamesTheSamlMetadataWhereItWasRead() throws IOException {
        Files.writeString(dir.resolve("keycloak-saml.xml"), METADATA);
        GatehouseConfig fromFile = load(file, """
                identitySource:
                  type: saml
                  idpMetadataFile: ./keycloak-saml.xml
                  match: userName
                  groupsAttribute: groups
                  clockSkew: PT3M
                  spEntityId: https://sso.example.com/saml
                """);
        String url = url("/realms/acme/protocol/saml/descriptor");
        GatehouseConfig fromUrl = load(file, "identitySource: {type: saml, idpMetadataUrl: \"" + url + "\"}\n");

        Path elsewhere = Files.createDirectories(dir.resolve("exports"));
        String fileYaml = export(fromFile);
        assertThat(fileYaml).contains("identitySource:\n  type: saml\n  idpMetadataFile: "
                + dir.resolve("keycloak-saml.xml") + "\n  match: userName\n  groupsAttribute: groups\n"
                + "  clockSkew: PT3M\n  spEntityId: https://sso.example.com/saml\nusers:");
        assertThat(load(elsewhere.resolve("a.yaml"), fileYaml).directory().identitySource())
                .isEqualTo(fromFile.directory().identitySource());
        String urlYaml = export(fromUrl);
        assertThat(urlYaml).contains("identitySource:\n  type: saml\n  idpMetadataUrl: " + url + "\nusers:");
        assertThat(load(elsewhere.resolve("b.yaml"), urlYaml).directory().identitySource())
                .isEqualTo(fromUrl.directory().identitySource());
    }

    private String export(GatehouseConfig config) {
        Directory directory = Gatehouse.create(config.directory(), new InMemoryStore(), clock).directory();
        DirectoryWriter.Export export = DirectoryWriter.write(config, directory, "test");
        assertThat(export.leftOut()).isEmpty();
        return export.yaml();
    }
}
