package dev.gatehouse.cli.admin;

import picocli.CommandLine.Command;

/** {@code gatehouse admin audit list}: the audit trail the service keeps of security events. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Read the audit trail of security events.",
        subcommands = {AuditListCommand.class})
public final class AdminAuditCommand {
}
