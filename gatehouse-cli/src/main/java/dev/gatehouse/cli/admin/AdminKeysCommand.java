package dev.gatehouse.cli.admin;

import picocli.CommandLine.Command;

/** {@code gatehouse admin keys create|list|revoke}: the admin access keys the service made. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Make, list and revoke admin access keys.",
        subcommands = {KeysCreateCommand.class, KeysListCommand.class, KeysRevokeCommand.class})
public final class AdminKeysCommand {
}
