package dev.gatehouse.server.wire;

import dev.gatehouse.domain.credentials.CallerIdentity;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * STS's awsQuery requests and responses: parameters from the query string and the form body
 * ({@code Action=GetCallerIdentity&Version=2011-06-15}), and XML results wrapped as
 * {@code <ActionResponse><ActionResult>…</ActionResult><ResponseMetadata>} in STS's namespace.
 */
public final class StsWire {
    public static final String VERSION = "2011-06-15";
    static final String CONTENT_TYPE = "text/xml";
    private static final String FORM_TYPE = "application/x-www-form-urlencoded";

    private StsWire() {
    }

    /**
     * The parameters of one request, and the raw body (which the signature covers).
     *
     * @param parameters the query string's and the form body's, the first value of each name winning
     */
    public record QueryRequest(Map<String, String> parameters, byte[] body) {
        public Optional<String> action() {
            return Optional.ofNullable(parameters.get("Action")).filter(a -> !a.isEmpty());
        }

        public Optional<String> version() {
            return Optional.ofNullable(parameters.get("Version")).filter(v -> !v.isEmpty());
        }
    }

    /**
     * Reads the parameters; a body that is not a form (by its Content-Type) adds none.
     *
     * @param queryString the request's query string, undecoded ("" when none)
     * @param contentType the request's {@code Content-Type}, or null
     */
    public static QueryRequest request(String queryString, String contentType, byte[] body) {
        Map<String, String> parameters = new LinkedHashMap<>(UrlEncodedForm.parse(
                queryString.getBytes(StandardCharsets.UTF_8)));
        if (isForm(contentType)) {
            UrlEncodedForm.parse(body).forEach(parameters::putIfAbsent);
        }
        return new QueryRequest(Map.copyOf(parameters), body);
    }

    private static boolean isForm(String contentType) {
        return contentType == null
                || contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals(FORM_TYPE);
    }

    /** GetCallerIdentity's result. */
    public static WireResponse callerIdentity(CallerIdentity caller, String requestId) {
        return result("GetCallerIdentity", "    <Arn>" + Xml.escape(caller.arn()) + "</Arn>\n"
                + "    <UserId>" + Xml.escape(caller.userId()) + "</UserId>\n"
                + "    <Account>" + Xml.escape(caller.account()) + "</Account>\n", requestId);
    }

    private static WireResponse result(String action, String members, String requestId) {
        String body = "<" + action + "Response xmlns=\"" + QueryErrors.NAMESPACE + "\">\n"
                + "  <" + action + "Result>\n"
                + members
                + "  </" + action + "Result>\n"
                + "  <ResponseMetadata>\n"
                + "    <RequestId>" + Xml.escape(requestId) + "</RequestId>\n"
                + "  </ResponseMetadata>\n"
                + "</" + action + "Response>\n";
        return new WireResponse(200, CONTENT_TYPE, body.getBytes(StandardCharsets.UTF_8), null);
    }
}
