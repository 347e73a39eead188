package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.model.AdminKey;
import dev.gatehouse.client.gatehouseadmin.model.ListAdminKeysInput;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse admin keys list}: every admin key the service made, active and revoked, oldest
 * first, never with a secret. With {@code --output json}: an array of keys.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the admin access keys (no secrets).")
public final class KeysListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AdminConnection connection;

    private final CliEnvironment environment;

    public KeysListCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        List<AdminKey> keys = connection.call(environment, admin -> {
            List<AdminKey> all = new ArrayList<>();
            admin.listAdminKeysPaginator(ListAdminKeysInput.first()).forEach(all::add);
            return all;
        });
        keys.sort(Comparator.comparing(AdminKey::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(AdminKey::accessKeyId));
        PrintWriter out = spec.commandLine().getOut();
        if (connection.json()) {
            AdminPrinter.json(out, keys.stream().map(AdminPrinter::members).toList());
            return 0;
        }
        if (keys.isEmpty()) {
            out.println("No admin keys made yet (make one with: gatehouse admin keys create).");
            out.flush();
            return 0;
        }
        AdminPrinter.table(out, List.of("ACCESS KEY ID", "STATUS", "CREATED", "CREATED BY", "REVOKED", "DESCRIPTION"),
                keys.stream().map(k -> List.of(k.accessKeyId(), Objects.toString(k.status(), "-"),
                        Objects.toString(AdminPrinter.time(k.createdAt()), "-"), Objects.toString(k.createdBy(), "-"),
                        Objects.toString(AdminPrinter.time(k.revokedAt()), "-"), Objects.toString(k.description(), ""))).toList());
        return 0;
    }
}
