package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.client.internal.AwsError;
import dev.gatehouse.client.internal.RetryRules;
import dev.gatehouse.client.internal.WireResponse;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an error response's type, message and request id are found, as the AWS SDKs find them. */
class AwsErrorTest {
    private static WireResponse response(int status, Map<String, List<String>> headers, String body) {
        return new WireResponse(status, HttpHeaders.of(headers, (a, b) -> true), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theErrorTypeIsCutAtTheColonAndAfterTheHash() {
        assertThat(AwsError.errorType("UnauthorizedException")).isEqualTo("UnauthorizedException");
        assertThat(AwsError.errorType("AuthorizationPendingException:http://internal.amazon.com/coral/com.amazonaws.sso.oidc/"))
                .isEqualTo("AuthorizationPendingException");
        assertThat(AwsError.errorType("com.amazonaws.sso#UnauthorizedException")).isEqualTo("UnauthorizedException");
        assertThat(AwsError.errorType("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"))
                .isEqualTo("FooError");
        assertThat(AwsError.errorType("  ")).isNull();
        assertThat(AwsError.errorType(null)).isNull();
    }

    @Test
    void theHeaderComesFirstAndIsReadWhateverItsCase() {
        AwsError error = AwsError.parse(response(401, Map.of("X-Amzn-Errortype", List.of("UnauthorizedException"),
                        "X-AMZN-REQUESTID", List.of("abc")),
                "{\"__type\":\"com.amazonaws.sso#Other\",\"message\":\"Session token not found or invalid\"}"));
        assertThat(error.code()).isEqualTo("UnauthorizedException");
        assertThat(error.requestId()).isEqualTo("abc");
        assertThat(error.member("message", "Message")).isEqualTo("Session token not found or invalid");
    }

    @Test
    void withoutTheHeaderTheBodyTypeThenCode() {
        assertThat(AwsError.parse(response(400, Map.of(), "{\"__type\":\"com.amazonaws.sso#InvalidRequestException\"}")).code())
                .isEqualTo("InvalidRequestException");
        assertThat(AwsError.parse(response(400, Map.of(), "{\"code\":\"InvalidRequestException\"}")).code())
                .isEqualTo("InvalidRequestException");
        assertThat(AwsError.parse(response(400, Map.of(), "{\"Code\":\"InvalidRequestException\"}")).code())
                .isEqualTo("InvalidRequestException");
        assertThat(AwsError.parse(response(400, Map.of(), "{\"Message\":\"M\"}")).member("message", "Message")).isEqualTo("M");
    }

    @Test
    void aBodyThatIsNotJsonLeavesOnlyStatusAndHeaders() {
        AwsError error = AwsError.parse(response(502, Map.of("x-amzn-RequestId", List.of("r")), "<html>Bad Gateway</html>"));
        assertThat(error.code()).isNull();
        assertThat(error.status()).isEqualTo(502);
        assertThat(error.requestId()).isEqualTo("r");
        assertThat(error.members()).isEmpty();
        assertThat(AwsError.parse(response(500, Map.of(), "")).members()).isEmpty();
    }

    @Test
    void retryableErrors() {
        assertThat(RetryRules.isRetryable(new AwsError(429, null, null, Map.of()))).isTrue();
        assertThat(RetryRules.isRetryable(new AwsError(400, null, "TooManyRequestsException", Map.of()))).isTrue();
        assertThat(RetryRules.isRetryable(new AwsError(500, null, "InternalServerException", Map.of()))).isTrue();
        assertThat(RetryRules.isRetryable(new AwsError(504, null, null, Map.of()))).isTrue();
        assertThat(RetryRules.isRetryable(new AwsError(400, null, "SlowDownException", Map.of()))).isFalse();
        assertThat(RetryRules.isRetryable(new AwsError(429, null, "SlowDownException", Map.of()))).isFalse();
        assertThat(RetryRules.isRetryable(new AwsError(400, null, "AuthorizationPendingException", Map.of()))).isFalse();
        assertThat(RetryRules.isRetryable(new AwsError(401, null, "UnauthorizedException", Map.of()))).isFalse();
        assertThat(RetryRules.isRetryable(new AwsError(501, null, null, Map.of()))).isFalse();
    }
}
