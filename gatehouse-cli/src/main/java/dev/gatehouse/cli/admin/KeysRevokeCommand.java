package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.RevokeAdminKeyCommand;
import dev.gatehouse.client.gatehouseadmin.model.AdminKey;
import dev.gatehouse.client.gatehouseadmin.model.RevokeAdminKeyInput;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gatehouse admin keys revoke KEY_ID}: the key signs nothing more, on any instance. */
@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke an admin access key for good.")
public final class KeysRevokeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AdminConnection connection;

    @Parameters(paramLabel = "KEY_ID", description = "The access key id (AKIA...).")
    String accessKeyId;

    private final CliEnvironment environment;

    public KeysRevokeCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        AdminKey key = connection.call(environment,
                admin -> admin.send(new RevokeAdminKeyCommand(new RevokeAdminKeyInput(accessKeyId)))).adminKey();
        PrintWriter out = spec.commandLine().getOut();
        if (connection.json()) {
            AdminPrinter.json(out, AdminPrinter.members(key));
            return 0;
        }
        out.println("Revoked " + key.accessKeyId() + " at " + AdminPrinter.time(key.revokedAt())
                + "; it signs no more calls.");
        out.flush();
        return 0;
    }
}
