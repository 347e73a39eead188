package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.model.AdminKey;
import dev.gatehouse.client.gatehouseadmin.model.ListAdminKeysInput;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine.Command;

/**
 * {@code gatehouse admin keys list}: every admin key the service made, active and revoked, oldest
 * first, never with a secret. With {@code --output json}: an array of keys.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the admin access keys (no secrets).")
public final class KeysListCommand extends AdminSubcommand {
    private static final List<String> HEADER = List.of("ACCESS KEY ID", "STATUS", "CREATED", "CREATED BY", "REVOKED",
            "DESCRIPTION");

    public KeysListCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        List<AdminKey> keys = request(admin -> {
            List<AdminKey> all = new ArrayList<>();
            admin.listAdminKeysPaginator(ListAdminKeysInput.first()).forEach(all::add);
            return all;
        });
        keys.sort(Comparator.comparing(AdminKey::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(AdminKey::accessKeyId));
        return print(keys.stream().map(AdminPrinter::members).toList(), out -> {
            if (keys.isEmpty()) {
                out.println("No admin keys made yet (make one with: gatehouse admin keys create).");
            } else {
                AdminPrinter.table(out, HEADER, keys.stream().map(KeysListCommand::row).toList());
            }
        });
    }

    private static List<String> row(AdminKey key) {
        return List.of(key.accessKeyId(), Objects.toString(key.status(), "-"),
                Objects.toString(AdminPrinter.time(key.createdAt()), "-"), Objects.toString(key.createdBy(), "-"),
                Objects.toString(AdminPrinter.time(key.revokedAt()), "-"), Objects.toString(key.description(), ""));
    }
}
