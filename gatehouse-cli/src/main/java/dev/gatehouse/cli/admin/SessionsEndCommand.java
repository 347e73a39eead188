package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.EndSessionCommand;
import dev.gatehouse.client.gatehouseadmin.EndUserSessionsCommand;
import dev.gatehouse.client.gatehouseadmin.model.EndSessionInput;
import dev.gatehouse.client.gatehouseadmin.model.EndSessionOutput;
import dev.gatehouse.client.gatehouseadmin.model.EndUserSessionsInput;
import dev.gatehouse.client.gatehouseadmin.model.EndUserSessionsOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * {@code gatehouse admin sessions end (SESSION_ID | --user NAME) [--role-sessions]}: ends one sign-in
 * session (GatehouseAdmin.EndSession) or all of a user's (EndUserSessions), at once on every instance;
 * with {@code --role-sessions} the role credentials issued from them too. With {@code --output json}:
 * {@code {"sessionsEnded", "roleSessionsEnded"}}.
 */
@Command(name = "end", mixinStandardHelpOptions = true,
        description = "End one sign-in session, or every session of a user, at once.")
public final class SessionsEndCommand extends AdminSubcommand {
    @Parameters(paramLabel = "SESSION_ID", arity = "0..1", description = "The session to end (from: sessions list).")
    String sessionId;

    @Option(names = "--user", paramLabel = "NAME", description = "End every session of this user instead.")
    String userName;

    @Option(names = "--role-sessions",
            description = "Also end the role credentials issued from the session(s), whatever the permission set says.")
    boolean endRoleSessions;

    public SessionsEndCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        if ((sessionId == null) == (userName == null)) {
            throw new ParameterException(spec.commandLine(),
                    "Name either a SESSION_ID or --user NAME (one of the two), "
                            + "e.g. gatehouse admin sessions end --user alice");
        }
        int sessionsEnded;
        int roleSessionsEnded;
        if (sessionId != null) {
            EndSessionOutput ended = request(admin -> admin.send(new EndSessionCommand(
                    new EndSessionInput(sessionId, endRoleSessions))));
            sessionsEnded = ended.sessionsEnded();
            roleSessionsEnded = ended.roleSessionsEnded();
        } else {
            EndUserSessionsOutput ended = request(admin -> admin.send(new EndUserSessionsCommand(
                    new EndUserSessionsInput(userName, null, endRoleSessions))));
            sessionsEnded = ended.sessionsEnded();
            roleSessionsEnded = ended.roleSessionsEnded();
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("sessionsEnded", sessionsEnded);
        counts.put("roleSessionsEnded", roleSessionsEnded);
        return print(counts, out -> out.println("Ended " + sessionsEnded + " session(s)"
                + (endRoleSessions ? " and " + roleSessionsEnded + " role session(s)" : "")
                + (sessionId != null && sessionsEnded == 0 ? "; " + sessionId + " had already ended or expired."
                        : ".")));
    }
}
