package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.gatehouseadmin.model.EndUserSessionsInput;
import dev.gatehouse.client.gatehouseadmin.model.EndUserSessionsOutput;
import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * EndUserSessions — {@code {"UserName"? | "UserId"?, "EndRoleSessions"}} → {@code {"UserId",
 * "SessionsEnded", "RoleSessionsEnded"}}: every sign-in session of the user ends at once, on every
 * instance. Safe to retry: a second call finds nothing left to end.
 */
public final class EndUserSessionsCommand extends GatehouseAdminCommand<EndUserSessionsInput, EndUserSessionsOutput> {
    public EndUserSessionsCommand(EndUserSessionsInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "EndUserSessions";
    }

    @Override
    protected WireRequest request() {
        Map<String, Object> members = new HashMap<>();
        members.put("UserName", input().userName());
        members.put("UserId", input().userId());
        members.put("EndRoleSessions", input().endRoleSessions());
        return call(members, true);
    }

    @Override
    protected EndUserSessionsOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new EndUserSessionsOutput(body.string("UserId"), (int) body.number("SessionsEnded", 0),
                (int) body.number("RoleSessionsEnded", 0));
    }
}
