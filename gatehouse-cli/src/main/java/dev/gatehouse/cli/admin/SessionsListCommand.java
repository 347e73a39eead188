package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.model.ListSessionsInput;
import dev.gatehouse.client.gatehouseadmin.model.Session;
import dev.gatehouse.client.gatehouseadmin.model.SessionToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse admin sessions list --user NAME}: the user's active sign-in sessions, oldest first
 * (GatehouseAdmin.ListSessions, all pages): how and where each was made, when it was last used, its
 * live tokens. With {@code --output json}: an array of sessions, times as ISO-8601 UTC.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List a user's active sign-in sessions.")
public final class SessionsListCommand extends AdminSubcommand {
    private static final List<String> HEADER = List.of("SESSION ID", "METHOD", "CLIENT", "FROM", "STARTED", "LAST USED",
            "EXPIRES", "TOKENS");

    @Option(names = "--user", paramLabel = "NAME", required = true, description = "The user's user name.")
    String userName;

    public SessionsListCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        List<Session> sessions = request(admin -> {
            List<Session> all = new ArrayList<>();
            admin.listSessionsPaginator(ListSessionsInput.ofUserName(userName)).forEach(all::add);
            return all;
        });
        return print(sessions.stream().map(SessionsListCommand::members).toList(), out -> {
            if (sessions.isEmpty()) {
                out.println(userName + " has no active sign-in sessions.");
            } else {
                AdminPrinter.table(out, HEADER, sessions.stream().map(SessionsListCommand::row).toList());
            }
        });
    }

    private static List<String> row(Session session) {
        return List.of(session.sessionId(), Objects.toString(session.signInMethod(), "-"),
                Objects.toString(session.clientName(), "-"), Objects.toString(session.sourceAddress(), "-"),
                Objects.toString(AdminPrinter.time(session.startedAt()), "-"),
                Objects.toString(AdminPrinter.time(session.lastUsedAt()), "-"),
                Objects.toString(AdminPrinter.time(session.expiresAt()), "-"), tokens(session.tokens()));
    }

    /** "3 (ACCESS, REFRESH, BROWSER)": how many live tokens, and of which kinds. */
    private static String tokens(List<SessionToken> tokens) {
        if (tokens.isEmpty()) {
            return "0";
        }
        return tokens.size() + " (" + tokens.stream().map(SessionToken::kind).distinct()
                .collect(Collectors.joining(", ")) + ")";
    }

    private static Map<String, Object> members(Session session) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("sessionId", session.sessionId());
        members.put("userName", session.userName());
        members.put("userId", session.userId());
        members.put("startedAt", AdminPrinter.time(session.startedAt()));
        members.put("expiresAt", AdminPrinter.time(session.expiresAt()));
        members.put("lastUsedAt", AdminPrinter.time(session.lastUsedAt()));
        members.put("method", session.signInMethod());
        members.put("clientName", session.clientName());
        members.put("sourceAddress", session.sourceAddress());
        members.put("userAgent", session.userAgent());
        members.put("tokens", session.tokens().stream().map(SessionsListCommand::members).toList());
        members.put("liveRoleSessions", session.liveRoleSessions());
        members.values().removeIf(Objects::isNull);
        return members;
    }

    private static Map<String, Object> members(SessionToken token) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("kind", token.kind());
        members.put("clientId", token.clientId());
        members.put("clientName", token.clientName());
        members.put("issuedAt", AdminPrinter.time(token.issuedAt()));
        members.put("expiresAt", AdminPrinter.time(token.expiresAt()));
        members.put("sourceAddress", token.sourceAddress());
        members.values().removeIf(Objects::isNull);
        return members;
    }
}
