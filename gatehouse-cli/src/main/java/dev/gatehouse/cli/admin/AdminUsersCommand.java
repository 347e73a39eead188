package dev.gatehouse.cli.admin;

import picocli.CommandLine.Command;

/** {@code gatehouse admin users invite}: the directory's users. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Invite users to set their password.",
        subcommands = {UsersInviteCommand.class})
public final class AdminUsersCommand {
}
