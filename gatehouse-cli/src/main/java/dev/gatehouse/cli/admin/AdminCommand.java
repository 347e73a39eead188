package dev.gatehouse.cli.admin;

import picocli.CommandLine.Command;

/**
 * {@code gatehouse admin …}: commands that talk to a running service with an admin key (see
 * {@link AdminConnection} for how they find the service and the key).
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Administer a running Gatehouse with an admin access key.",
        subcommands = {AdminKeysCommand.class, AdminUsersCommand.class, AdminSessionsCommand.class,
            AdminAuditCommand.class})
public final class AdminCommand {
}
