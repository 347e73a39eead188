package dev.gatehouse.cli.admin;

import picocli.CommandLine.Command;

/** {@code gatehouse admin sessions list|end}: the users' sign-in sessions, for offboarding and incident response. */
@Command(name = "sessions", mixinStandardHelpOptions = true, description = "List and end users' sign-in sessions.",
        subcommands = {SessionsListCommand.class, SessionsEndCommand.class})
public final class AdminSessionsCommand {
}
