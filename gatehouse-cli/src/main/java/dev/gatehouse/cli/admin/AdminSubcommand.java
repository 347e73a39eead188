package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.GatehouseAdminClient;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every {@code gatehouse admin} leaf command shares: the connection options, one call to the
 * service, and printing either JSON alone on stdout or lines for people.
 */
abstract class AdminSubcommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AdminConnection connection;

    private final CliEnvironment environment;

    AdminSubcommand(CliEnvironment environment) {
        this.environment = environment;
    }

    /** One call on a client built from the options (see {@link AdminConnection#call}). */
    <T> T request(Function<GatehouseAdminClient, T> call) {
        return connection.call(environment, call);
    }

    /** The clock "now" is read from (times given as a duration back from now). */
    InstantSource clock() {
        return environment.clock();
    }

    /** {@code json} alone on stdout with {@code --output json}; otherwise what {@code forPeople} prints. */
    int print(Object json, Consumer<PrintWriter> forPeople) {
        PrintWriter out = spec.commandLine().getOut();
        if (connection.json()) {
            AdminPrinter.json(out, json);
        } else {
            forPeople.accept(out);
            out.flush();
        }
        return 0;
    }

    /** A note for people on stderr (never in the way of stdout). */
    void note(String text) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(text);
        err.flush();
    }
}
