package dev.gatehouse.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wire records that carry a secret (a client secret, a device code, access and refresh tokens, a
 * role's secret key and session token) leave it out of {@code toString}, so that a log line or an
 * error naming one never shows it, while their JSON still carries it.
 */
class WireSecretsTest {
    private static final String SECRET = "s3cr3t-value-that-must-not-show";

    @Test
    void recordsCarryingSecretsLeaveThemOutOfToString() throws Exception {
        List<Object> records = List.of(
                new OidcWire.RegisterClientResponse("client-1", SECRET, 1, 2, "a", "t"),
                new OidcWire.StartDeviceAuthorizationResponse(SECRET, "ABCD-EFGH", "u", "u?c", 600, 5),
                new OidcWire.CreateTokenResponse(SECRET, "Bearer", 3600, SECRET),
                new PortalWire.RoleCredentialsBody("ASIAEXAMPLE", SECRET, SECRET, 1));
        for (Object r : records) {
            assertThat(r.toString()).as(r.getClass().getSimpleName()).doesNotContain(SECRET);
            assertThat(Json.MAPPER.writeValueAsString(r)).contains(SECRET);
        }
    }
}
