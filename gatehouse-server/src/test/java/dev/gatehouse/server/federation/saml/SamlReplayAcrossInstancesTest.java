package dev.gatehouse.server.federation.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.PlainBrowser;
import dev.gatehouse.server.ServerSettings;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.postgres.TestPostgres;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances on one PostgreSQL schema behind one public URL, as behind a load balancer: an answer
 * of the identity provider signs in on the first instance it reaches and is a replay on the other.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SamlReplayAcrossInstancesTest {
    private static final URI PUBLIC_URL = URI.create("https://sso.example.test");

    private record Instance(PostgresStore store, GatehouseServer server) implements AutoCloseable {
        static Instance start(String schema, TestIdp idp) {
            PostgresStore store = PostgresStore.open(TestPostgres.jdbcUrl(), schema);
            Gatehouse gatehouse = Gatehouse.create(TestDirectory.create().withIdentitySource(idp.source()), store,
                    InstantSource.system());
            return new Instance(store, GatehouseServer.start(gatehouse,
                    ServerSettings.of("127.0.0.1", 0, Limits.DEFAULTS).withPublicUrl(PUBLIC_URL)));
        }

        @Override
        public void close() {
            server.close();
            store.close();
        }
    }

    @Test
    void anAnswerUsedOnOneInstanceIsAReplayOnTheOther() {
        TestIdp idp = new TestIdp();
        String schema = TestPostgres.newSchemaName();
        try (Instance a = Instance.start(schema, idp); Instance b = Instance.start(schema, idp);
             PlainBrowser browser = new PlainBrowser(); PlainBrowser attacker = new PlainBrowser()) {
            HttpResponse<String> metadata = browser.get(b.server().baseUrl(), "/saml/metadata");
            assertThat(metadata.body()).contains("entityID=\"https://sso.example.test/saml/metadata\"")
                    .contains("Location=\"https://sso.example.test/saml/acs\"");
            String answer = idp.answer(PUBLIC_URL.toString(), InstantSource.system().instant()).encoded();

            HttpResponse<String> first = browser.post(a.server().baseUrl(), "/saml/acs", Map.of("SAMLResponse", answer));
            HttpResponse<String> again = attacker.post(b.server().baseUrl(), "/saml/acs", Map.of("SAMLResponse", answer));

            assertThat(first.statusCode()).as("first use: %s", first.body()).isEqualTo(303);
            assertThat(first.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("gh_session="));
            assertThat(again.statusCode()).isEqualTo(403);
            assertThat(again.body()).contains("has been used already");
            assertThat(again.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("gh_session="));
        } finally {
            TestPostgres.dropSchemas(List.of(schema));
        }
    }
}
