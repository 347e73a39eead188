package dev.gatehouse.server.admin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.gatehouse.domain.admin.AdminAuthenticator;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.credentials.SignedRequest;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.store.StoreUnavailableException;
import dev.gatehouse.server.http.ApiOperation;
import dev.gatehouse.server.http.BaseUrl;
import dev.gatehouse.server.http.RequestBody;
import dev.gatehouse.server.sigv4.SignedRequests;
import dev.gatehouse.server.wire.AwsJsonErrors;
import dev.gatehouse.server.wire.Json;
import dev.gatehouse.server.wire.NoStore;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.util.Map;

/**
 * {@code POST /} with an {@code X-Amz-Target} header: the awsJson1.1 admin APIs. The target picks the
 * service and the operation ({@code AWSIdentityStore.CreateUser}, {@code SWBExternalService.ListInstances});
 * the signature is checked for that service before the operation runs, so that nothing is done for an
 * unsigned or wrongly signed call. Every refused signature, and every call that changes something
 * (done or failed), leaves an {@code AdminCall} event in the audit trail ({@link AdminAudit}).
 */
public final class AdminTargets implements ApiOperation {
    public static final HttpString TARGET = HttpString.tryFromString("X-Amz-Target");

    /** Reads the whole body as one JSON value: anything after the object's closing brace is refused, not ignored. */
    private static final ObjectReader STRICT_READER =
            Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The services behind the targets: their target prefix and their SigV4 signing name. */
    public enum Service {
        IDENTITY_STORE("AWSIdentityStore", "identitystore"),
        SSO_ADMIN("SWBExternalService", "sso"),
        /** Gatehouse's own admin operations (admin keys, invitations), signed for service "gatehouse". */
        GATEHOUSE("GatehouseAdmin", "gatehouse");

        private final String targetPrefix;
        private final String signingName;

        Service(String targetPrefix, String signingName) {
            this.targetPrefix = targetPrefix;
            this.signingName = signingName;
        }

        public String target(String operation) {
            return targetPrefix + "." + operation;
        }
    }

    private final AdminAuthenticator authenticator;
    private final AdminAudit audit;
    private final Map<String, AdminOperation> operations;

    /** @param operations keyed by full target ({@link Service#target}) */
    public AdminTargets(AdminAuthenticator authenticator, AdminAudit audit, Map<String, AdminOperation> operations) {
        this.authenticator = authenticator;
        this.audit = audit;
        this.operations = Map.copyOf(operations);
    }

    @Override
    public WireResponse handle(HttpServerExchange exchange) {
        String target = exchange.getRequestHeaders().getFirst(TARGET);
        Service service = serviceOf(target);
        AdminOperation operation = operations.get(target);
        if (operation != null && operation.handsOutSecrets()) {
            NoStore.addHeaders(exchange);
        }
        byte[] body = RequestBody.read(exchange);
        AdminCaller caller = authenticate(exchange, body, target, service);
        if (operation == null) {
            throw new GatehouseException(ErrorCode.UNKNOWN_OPERATION, "Unknown operation " + printable(target));
        }
        JsonNode input = null;
        Object output;
        try {
            input = parse(body);
            output = operation.handle(input, caller, BaseUrl.of(exchange));
        } catch (RuntimeException e) {
            audit.failed(target, service.signingName, caller, input, reasonOf(e));
            throw e;
        }
        audit.succeeded(target, service.signingName, caller, input, output);
        try {
            return new WireResponse(200, AwsJsonErrors.CONTENT_TYPE, Json.MAPPER.writeValueAsBytes(output), null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise the output of " + target, e);
        }
    }

    /** The caller whose signature holds; a refused one is audited with the key id it presented. */
    private AdminCaller authenticate(HttpServerExchange exchange, byte[] body, String target, Service service) {
        SignedRequest signed = null;
        try {
            signed = SignedRequests.read(exchange, body);
            return authenticator.authenticate(signed, service.signingName);
        } catch (GatehouseException refused) {
            audit.refused(target, service.signingName, signed == null ? null : signed.accessKeyId(),
                    refused.code().name());
            throw refused;
        }
    }

    /** What an audited failure says went wrong: the error's code, never its message. */
    private static String reasonOf(RuntimeException e) {
        if (e instanceof GatehouseException error) {
            return error.code().name();
        }
        return e instanceof StoreUnavailableException ? "UNAVAILABLE" : "INTERNAL_ERROR";
    }

    private static Service serviceOf(String target) {
        if (target != null) {
            for (Service s : Service.values()) {
                if (target.startsWith(s.targetPrefix + ".")) {
                    return s;
                }
            }
        }
        throw new GatehouseException(ErrorCode.UNKNOWN_OPERATION, "Unknown operation " + printable(target));
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = STRICT_READER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new GatehouseException(ErrorCode.VALIDATION, "The request body must be a JSON object");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new GatehouseException(ErrorCode.VALIDATION,
                    "The request body is nested too deeply or holds a value too large to read");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new GatehouseException(ErrorCode.VALIDATION, "The request body is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        } catch (java.io.IOException e) {
            throw new GatehouseException(ErrorCode.VALIDATION, "The request body is not valid JSON");
        }
    }

    private static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
