package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.CreateAdminKeyCommand;
import dev.gatehouse.client.gatehouseadmin.model.CreateAdminKeyInput;
import dev.gatehouse.client.gatehouseadmin.model.CreateAdminKeyOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse admin keys create [--description D]}: a new admin key; its id and secret are
 * printed this once (the service keeps no copy of the secret). With {@code --output json}:
 * {@code {"AccessKeyId": ..., "SecretAccessKey": ...}} alone on stdout.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Make an admin access key and print its id and secret (shown only this once).")
public final class KeysCreateCommand extends AdminSubcommand {
    @Option(names = "--description", paramLabel = "D", description = "What the key is for (up to 256 characters).")
    String description;

    public KeysCreateCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        CreateAdminKeyOutput made = request(admin -> admin.send(new CreateAdminKeyCommand(new CreateAdminKeyInput(description))));
        String id = made.adminKey().accessKeyId();
        Map<String, String> key = new LinkedHashMap<>();
        key.put("AccessKeyId", id);
        key.put("SecretAccessKey", made.secretAccessKey());
        print(key, out -> {
            out.println("Access key id:     " + id);
            out.println("Secret access key: " + made.secretAccessKey());
        });
        if (!connection.json()) {
            note("Keep the secret now: it is shown only this once and cannot be recovered "
                    + "(revoke with: gatehouse admin keys revoke " + id + ").");
        }
        return 0;
    }
}
