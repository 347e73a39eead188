package dev.gatehouse.cli.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsConfigTest {
    private final AwsConfig config = AwsConfig.parse(List.of(
            "# comment",
            "[default]",
            "region = eu-west-1",
            "",
            "[profile dev]",
            "sso_session = my-sso",
            "sso_account_id = 111111111111",
            "sso_role_name = AdministratorAccess",
            "services = local",
            "",
            "[profile legacy]",
            "sso_start_url = https://d-1.awsapps.com/start",
            "sso_region = us-west-2",
            "endpoint_url = http://127.0.0.1:9999",
            "",
            "[sso-session my-sso]",
            "sso_start_url = http://127.0.0.1:8080/start",
            "sso_region = us-east-1",
            "sso_registration_scopes = sso:account:access",
            "",
            "[services local]",
            "sso =",
            "  endpoint_url = http://127.0.0.1:8080",
            "sso_oidc =",
            "  endpoint_url = http://127.0.0.1:8081"));

    @Test
    void readsProfilesSessionsAndNestedServiceSections() {
        assertThat(config.profile("default").flatMap(p -> p.get("region"))).contains("eu-west-1");
        assertThat(config.profile("dev").flatMap(p -> p.get("sso_session"))).contains("my-sso");
        assertThat(config.ssoSession("my-sso").flatMap(s -> s.get("sso_region"))).contains("us-east-1");
        assertThat(config.services("local").orElseThrow().nested().get("sso_oidc"))
                .containsEntry("endpoint_url", "http://127.0.0.1:8081");
    }

    @Test
    void endpointsResolveInTheSdkOrder() {
        Optional<String> dev = Optional.of("dev");
        assertThat(Endpoints.resolve(Endpoints.Service.SSO, "us-east-1", Map.of(), config, dev))
                .isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(Endpoints.resolve(Endpoints.Service.SSO_OIDC, "us-east-1", Map.of(), config, dev))
                .isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(Endpoints.resolve(Endpoints.Service.SSO, "us-east-1", Map.of("AWS_ENDPOINT_URL", "http://g"), config, dev))
                .isEqualTo(URI.create("http://g"));
        assertThat(Endpoints.resolve(Endpoints.Service.SSO, "us-east-1",
                Map.of("AWS_ENDPOINT_URL", "http://g", "AWS_ENDPOINT_URL_SSO", "http://s"), config, dev))
                .isEqualTo(URI.create("http://s"));
        assertThat(Endpoints.resolve(Endpoints.Service.SSO_OIDC, "us-west-2", Map.of(), config, Optional.of("legacy")))
                .isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(Endpoints.resolve(Endpoints.Service.SSO, "eu-central-1", Map.of(), config, Optional.empty()))
                .isEqualTo(URI.create("https://portal.sso.eu-central-1.amazonaws.com"));
        assertThat(Endpoints.resolve(Endpoints.Service.SSO_OIDC, "eu-central-1", Map.of(), config, Optional.empty()))
                .isEqualTo(URI.create("https://oidc.eu-central-1.amazonaws.com"));
    }

    @Test
    void homeComesFromTheHomeVariable() {
        AwsFiles files = AwsFiles.from(Map.of("HOME", "/tmp/x"), "/root");
        assertThat(files.configFile().toString()).isEqualTo("/tmp/x/.aws/config");
        assertThat(files.ssoCache().toString()).isEqualTo("/tmp/x/.aws/sso/cache");
        assertThat(AwsFiles.from(Map.of("HOME", "/tmp/x", "AWS_CONFIG_FILE", "/etc/aws.cfg"), "/root").configFile().toString())
                .isEqualTo("/etc/aws.cfg");
    }
}
