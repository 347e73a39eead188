package dev.gatehouse.server.sts;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.server.http.ApiOperation;
import dev.gatehouse.server.http.RequestBody;
import dev.gatehouse.server.wire.StsWire;
import dev.gatehouse.server.wire.StsWire.QueryRequest;
import dev.gatehouse.server.wire.WireHeaders;
import dev.gatehouse.server.wire.WireResponse;
import io.undertow.server.HttpServerExchange;
import java.util.Map;

/**
 * {@code POST /} for STS (awsQuery): every action shares the path, so the {@code Action} and
 * {@code Version} parameters pick the operation. The action is resolved before the signature is
 * looked at, so that a wrong action is named as such.
 */
public final class StsActions implements ApiOperation {
    private final Map<String, StsOperation> actions;

    public StsActions(Map<String, StsOperation> actions) {
        this.actions = Map.copyOf(actions);
    }

    @Override
    public WireResponse handle(HttpServerExchange exchange) {
        QueryRequest request = StsWire.request(exchange.getQueryString(), WireHeaders.contentType(exchange),
                RequestBody.read(exchange));
        String action = request.action().orElseThrow(() -> new GatehouseException(ErrorCode.MISSING_OPERATION,
                "The request must contain the parameter Action"));
        String version = request.version().orElse("NO_VERSION_SPECIFIED");
        StsOperation operation = actions.get(action);
        if (operation == null || !version.equals(StsWire.VERSION)) {
            throw new GatehouseException(ErrorCode.UNKNOWN_OPERATION, "Could not find operation " + printable(action)
                    + " for version " + printable(version));
        }
        return operation.handle(exchange, request);
    }

    private static String printable(String value) {
        String cut = value.length() > 64 ? value.substring(0, 64) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
