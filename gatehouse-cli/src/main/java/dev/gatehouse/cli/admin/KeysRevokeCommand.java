package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.RevokeAdminKeyCommand;
import dev.gatehouse.client.gatehouseadmin.model.AdminKey;
import dev.gatehouse.client.gatehouseadmin.model.RevokeAdminKeyInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gatehouse admin keys revoke KEY_ID}: the key signs nothing more, on any instance. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an admin access key for good.")
public final class KeysRevokeCommand extends AdminSubcommand {
    @Parameters(paramLabel = "KEY_ID", description = "The access key id (AKIA...).")
    String accessKeyId;

    public KeysRevokeCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        AdminKey key = request(admin -> admin.send(new RevokeAdminKeyCommand(new RevokeAdminKeyInput(accessKeyId)))).adminKey();
        return print(AdminPrinter.members(key), out -> out.println("Revoked " + key.accessKeyId() + " at "
                + AdminPrinter.time(key.revokedAt()) + "; it signs no more calls."));
    }
}
