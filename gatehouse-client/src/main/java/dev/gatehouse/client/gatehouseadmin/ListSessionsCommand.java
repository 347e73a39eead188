package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.gatehouseadmin.model.ListSessionsInput;
import dev.gatehouse.client.gatehouseadmin.model.ListSessionsOutput;
import dev.gatehouse.client.gatehouseadmin.model.Session;
import dev.gatehouse.client.gatehouseadmin.model.SessionToken;
import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * ListSessions — {@code {"UserName"? | "UserId"?, "NextToken"?, "MaxResults"?}} →
 * {@code {"Sessions": [...], "NextToken"?}}: the user's active sign-in sessions, oldest first, each with
 * its live tokens (never their secrets). For all pages, see {@link GatehouseAdminClient#listSessionsPaginator}.
 */
public final class ListSessionsCommand extends GatehouseAdminCommand<ListSessionsInput, ListSessionsOutput> {
    public ListSessionsCommand(ListSessionsInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "ListSessions";
    }

    @Override
    protected WireRequest request() {
        Map<String, Object> members = new HashMap<>();
        members.put("UserName", input().userName());
        members.put("UserId", input().userId());
        members.put("NextToken", input().nextToken());
        members.put("MaxResults", input().maxResults());
        return call(members, true);
    }

    @Override
    protected ListSessionsOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new ListSessionsOutput(body.objects("Sessions").stream().map(ListSessionsCommand::session).toList(),
                body.string("NextToken"));
    }

    private static Session session(JsonObject session) {
        return new Session(session.string("SessionId"), session.string("UserId"), session.string("UserName"),
                session.epochSeconds("StartedAt"), session.epochSeconds("ExpiresAt"),
                session.epochSeconds("LastUsedAt"), session.string("SignInMethod"), session.string("ClientName"),
                session.string("SourceAddress"), session.string("UserAgent"),
                session.objects("Tokens").stream().map(ListSessionsCommand::token).toList(),
                (int) session.number("LiveRoleSessions", 0));
    }

    private static SessionToken token(JsonObject token) {
        return new SessionToken(token.string("Kind"), token.string("ClientId"), token.string("ClientName"),
                token.epochSeconds("IssuedAt"), token.epochSeconds("ExpiresAt"), token.string("SourceAddress"));
    }
}
