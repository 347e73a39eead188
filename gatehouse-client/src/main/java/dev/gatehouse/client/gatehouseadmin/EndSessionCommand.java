package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.gatehouseadmin.model.EndSessionInput;
import dev.gatehouse.client.gatehouseadmin.model.EndSessionOutput;
import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import java.util.Map;

/**
 * EndSession — {@code {"SessionId", "EndRoleSessions"}} → {@code {"SessionId", "SessionsEnded",
 * "RoleSessionsEnded"}}: the session's tokens stop working at once, on every instance. Safe to retry:
 * ending an ended session changes nothing (it answers {@code SessionsEnded} 0).
 */
public final class EndSessionCommand extends GatehouseAdminCommand<EndSessionInput, EndSessionOutput> {
    public EndSessionCommand(EndSessionInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "EndSession";
    }

    @Override
    protected WireRequest request() {
        return call(Map.of("SessionId", input().sessionId(), "EndRoleSessions", input().endRoleSessions()), true);
    }

    @Override
    protected EndSessionOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new EndSessionOutput(body.string("SessionId"), (int) body.number("SessionsEnded", 0),
                (int) body.number("RoleSessionsEnded", 0));
    }
}
