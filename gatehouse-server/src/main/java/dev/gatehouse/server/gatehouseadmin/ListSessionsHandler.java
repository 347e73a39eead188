package dev.gatehouse.server.gatehouseadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.session.SessionView;
import dev.gatehouse.domain.session.UserSessions;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.GatehouseAdminWire;
import dev.gatehouse.server.wire.SessionAdminWire;
import java.util.Comparator;
import java.util.List;

/**
 * GatehouseAdmin.ListSessions {@code {UserName | UserId, MaxResults?, NextToken?}}: the user's active
 * sign-in sessions, oldest first, each with its live tokens (never their secrets). The list is small
 * (capped per user), so it is read whole and cut into pages after the start time and id of the last
 * session of the page before.
 */
public final class ListSessionsHandler implements AdminOperation {
    private static final Comparator<SessionView> OLDEST_FIRST = Comparator.comparing(ListSessionsHandler::pageKey);

    private final Directory directory;
    private final UserSessions sessions;

    public ListSessionsHandler(Directory directory, UserSessions sessions) {
        this.directory = directory;
        this.sessions = sessions;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        User user = AdminUsers.resolve(directory, SessionAdminWire.userRef(input));
        var page = GatehouseAdminWire.page(input);
        List<SessionView> active = sessions.activeOf(user.id()).stream().sorted(OLDEST_FIRST).toList();
        return SessionAdminWire.sessions(page.apply(active, ListSessionsHandler::pageKey), user);
    }

    /** Sorts as the start times do (epoch milliseconds, zero-padded), then by session id. */
    private static String pageKey(SessionView view) {
        return String.format("%015d/%s", view.session().createdAt().toEpochMilli(), view.session().id());
    }
}
