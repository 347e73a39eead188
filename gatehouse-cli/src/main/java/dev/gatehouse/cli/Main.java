package dev.gatehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gatehouse}: exit 0 on success, 1 on a failure the user can act on, 2 on bad usage. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An open, self-hostable IAM Identity Center sign-in service.",
        subcommands = {ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        // Undertow and XNIO log through JBoss Logging; send it to SLF4J like everything else.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("gatehouse: " + e.getMessage());
                    return 1;
                });
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gatehouse " + (version == null ? "development build" : version)};
        }
    }
}
