package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.CreateAdminKeyCommand;
import dev.gatehouse.client.gatehouseadmin.model.CreateAdminKeyInput;
import dev.gatehouse.client.gatehouseadmin.model.CreateAdminKeyOutput;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse admin keys create [--description D]}: a new admin key; its id and secret are
 * printed this once (the service keeps no copy of the secret). With {@code --output json}:
 * {@code {"AccessKeyId": ..., "SecretAccessKey": ...}} alone on stdout.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Make an admin access key and print its id and secret (shown only this once).")
public final class KeysCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AdminConnection connection;

    @Option(names = "--description", paramLabel = "D", description = "What the key is for (up to 256 characters).")
    String description;

    private final CliEnvironment environment;

    public KeysCreateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        CreateAdminKeyOutput made = connection.call(environment,
                admin -> admin.send(new CreateAdminKeyCommand(new CreateAdminKeyInput(description))));
        PrintWriter out = spec.commandLine().getOut();
        if (connection.json()) {
            Map<String, String> key = new LinkedHashMap<>();
            key.put("AccessKeyId", made.adminKey().accessKeyId());
            key.put("SecretAccessKey", made.secretAccessKey());
            AdminPrinter.json(out, key);
            return 0;
        }
        out.println("Access key id:     " + made.adminKey().accessKeyId());
        out.println("Secret access key: " + made.secretAccessKey());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Keep the secret now: it is shown only this once and cannot be recovered "
                + "(revoke with: gatehouse admin keys revoke " + made.adminKey().accessKeyId() + ").");
        err.flush();
        return 0;
    }
}
