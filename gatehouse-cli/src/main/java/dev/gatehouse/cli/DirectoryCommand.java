package dev.gatehouse.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gatehouse directory …}: commands on the directory as the store holds it. */
@Command(name = "directory", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Work with the live directory (users, groups, permission sets, assignments).",
        subcommands = {DirectoryExportCommand.class})
public final class DirectoryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand (export)");
    }
}
