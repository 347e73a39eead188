package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * STS's awsQuery errors on the wire, for requests no SDK would send: always an {@code ErrorResponse}
 * document with the request id of the {@code x-amzn-RequestId} header, {@code text/xml}, a 4xx
 * (never a 500, never a hang), and no {@code x-amzn-ErrorType} header (STS sends none).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StsWireHttpTest {
    private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
    private static final String GET_CALLER_IDENTITY = "Action=GetCallerIdentity&Version=2011-06-15";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @TempDir
    static Path dataDir;
    static TestService service;
    static HttpClient http;

    @BeforeAll
    static void start() {
        service = new TestService(dataDir);
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stop() {
        http.close();
        service.close();
    }

    private record StsError(int status, String type, String code, String message) {
    }

    private static StsError post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).isEmpty();
        assertThat(response.headers().firstValue("Date")).isPresent();
        Document xml = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body()));
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("ErrorResponse");
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
        assertThat(text(xml, "RequestId")).isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());
        return new StsError(response.statusCode(), text(xml, "Type"), text(xml, "Code"), text(xml, "Message"));
    }

    private static String text(Document xml, String element) {
        return xml.getElementsByTagName(element).item(0).getTextContent();
    }

    private static String authorization(String credential) {
        return "AWS4-HMAC-SHA256 Credential=" + credential + ", SignedHeaders=content-type;host;x-amz-date, Signature="
                + "0".repeat(64);
    }

    @Test
    void unsignedRequestIsMissingItsAuthenticationToken() throws Exception {
        assertThat(post("/", GET_CALLER_IDENTITY, "Content-Type", FORM)).isEqualTo(new StsError(403, "Sender",
                "MissingAuthenticationToken", "Request is missing Authentication Token"));
        assertThat(post("/?" + GET_CALLER_IDENTITY, "").code()).as("parameters in the query string")
                .isEqualTo("MissingAuthenticationToken");
    }

    @Test
    void unknownOrMissingActionOrVersion() throws Exception {
        assertThat(post("/", "Action=AssumeRole&Version=2011-06-15", "Content-Type", FORM)).isEqualTo(new StsError(
                400, "Sender", "InvalidAction", "Could not find operation AssumeRole for version 2011-06-15"));
        assertThat(post("/", "Action=GetCallerIdentity&Version=2010-05-08", "Content-Type", FORM).message())
                .isEqualTo("Could not find operation GetCallerIdentity for version 2010-05-08");
        assertThat(post("/", "Action=GetCallerIdentity", "Content-Type", FORM).message())
                .isEqualTo("Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED");
        assertThat(post("/", "Version=2011-06-15", "Content-Type", FORM).code()).isEqualTo("MissingAction");
        assertThat(post("/", "", "Content-Type", FORM).code()).isEqualTo("MissingAction");
    }

    @Test
    void unreadableAuthorizationIsAnIncompleteSignature() throws Exception {
        String amzDate = AMZ_DATE.format(service.clock.instant());
        StsError noParts = post("/", GET_CALLER_IDENTITY, "Content-Type", FORM, "X-Amz-Date", amzDate,
                "Authorization", "AWS4-HMAC-SHA256 Credential=ASIAAAAAAAAAAAAAAAAA/20250101/us-east-1/sts/aws4_request");
        assertThat(noParts.status()).isEqualTo(400);
        assertThat(noParts.code()).isEqualTo("IncompleteSignature");
        assertThat(noParts.message()).isEqualTo("Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter.");

        assertThat(post("/", GET_CALLER_IDENTITY, "Content-Type", FORM, "X-Amz-Date", amzDate,
                "Authorization", authorization("ASIAAAAAAAAAAAAAAAAA/us-east-1/sts/aws4_request")).message())
                .startsWith("Credential must have exactly 5 slash-delimited elements");
        assertThat(post("/", GET_CALLER_IDENTITY, "Content-Type", FORM, "X-Amz-Date", amzDate,
                "Authorization", "Bearer abc").message()).isEqualTo("Unsupported AWS 'algorithm': 'Bearer'");
        assertThat(post("/", GET_CALLER_IDENTITY, "Content-Type", FORM, "X-Amz-Date", "yesterday",
                "Authorization", authorization("ASIAAAAAAAAAAAAAAAAA/" + amzDate.substring(0, 8)
                        + "/us-east-1/sts/aws4_request")).code()).isEqualTo("IncompleteSignature");
    }

    @Test
    void aCredentialScopedElsewhereIsASignatureMismatch() throws Exception {
        String amzDate = AMZ_DATE.format(service.clock.instant());
        String day = amzDate.substring(0, 8);
        String otherDay = AMZ_DATE.format(service.clock.instant().minus(Duration.ofDays(1))).substring(0, 8);
        String[][] cases = {
                {"ASIAAAAAAAAAAAAAAAAA/" + day + "/us-east-1/s3/aws4_request",
                        "Credential should be scoped to correct service: 'sts'. "},
                {"ASIAAAAAAAAAAAAAAAAA/" + day + "/moon/sts/aws4_request", "Credential should be scoped to a valid region. "},
                {"ASIAAAAAAAAAAAAAAAAA/" + day + "/us-east-1/sts/aws5_request",
                        "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'. "},
                {"ASIAAAAAAAAAAAAAAAAA/" + otherDay + "/us-east-1/sts/aws4_request",
                        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                                + otherDay + "' != '" + day + "', from '" + amzDate + "'."}};
        for (String[] c : cases) {
            assertThat(post("/", GET_CALLER_IDENTITY, "Content-Type", FORM, "X-Amz-Date", amzDate,
                    "Authorization", authorization(c[0])))
                    .isEqualTo(new StsError(403, "Sender", "SignatureDoesNotMatch", c[1]));
        }
        assertThat(post("/", GET_CALLER_IDENTITY, "Content-Type", FORM, "X-Amz-Date", amzDate,
                "Authorization", authorization("ASIAAAAAAAAAAAAAAAAA/" + day + "/us-east-1/sts/aws4_request")))
                .as("well formed, unknown key").isEqualTo(new StsError(403, "Sender", "InvalidClientTokenId",
                        "The security token included in the request is invalid"));
    }

    @Test
    void badBodiesAreRefusedNotFailed() throws Exception {
        assertThat(post("/", "Action=%zz", "Content-Type", FORM))
                .isEqualTo(new StsError(400, "Sender", "InvalidParameterValue", "Malformed form body"));
        assertThat(post("/", "{\"Action\":\"GetCallerIdentity\"}", "Content-Type", "application/json").code())
                .as("a body that is not a form adds no parameters").isEqualTo("MissingAction");
        assertThat(post("/", GET_CALLER_IDENTITY + "&pad=" + "x".repeat(70_000), "Content-Type", FORM))
                .extracting(StsError::status, StsError::code).containsExactly(413, "RequestEntityTooLarge");
    }

    @Test
    void errorsAreDatedByTheServiceClock() throws Exception {
        service.clock.advance(Duration.ofHours(2));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.baseUrl())
                    .POST(HttpRequest.BodyPublishers.ofString(GET_CALLER_IDENTITY)).header("Content-Type", FORM)
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Instant date = DateTimeFormatter.RFC_1123_DATE_TIME.parse(
                    response.headers().firstValue("Date").orElseThrow(), Instant::from);
            assertThat(Duration.between(service.clock.instant(), date).abs()).isLessThan(Duration.ofSeconds(2));
        } finally {
            service.clock.advance(Duration.ofHours(-2));
        }
    }
}
