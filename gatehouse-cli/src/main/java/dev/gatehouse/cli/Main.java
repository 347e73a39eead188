package dev.gatehouse.cli;

import dev.gatehouse.cli.admin.AdminCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gatehouse}: exit 0 on success, 1 on a failure the user can act on, 2 on bad usage. */
@Command(name = "gatehouse", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "An open, self-hostable IAM Identity Center sign-in service.",
        subcommands = {ServeCommand.class, LoginCommand.class, LogoutCommand.class, CredentialsCommand.class,
            StatusCommand.class, DirectoryCommand.class, AdminCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        // Undertow and XNIO log through JBoss Logging; send it to SLF4J like everything else.
        System.setProperty("org.jboss.logging.provider", "slf4j");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return commandLine(CliEnvironment.system());
    }

    /** The command line with the client-side commands bound to {@code environment} (tests pass their own). */
    public static CommandLine commandLine(CliEnvironment environment) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                try {
                    return type.getDeclaredConstructor(CliEnvironment.class).newInstance(environment);
                } catch (NoSuchMethodException noEnvironment) {
                    return defaults.create(type);
                }
            }
        };
        CommandLine commandLine = new CommandLine(new Main(), factory)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("gatehouse: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
                    cmd.getErr().flush();
                    return 1;
                });
        // a session id is base64url and may begin with '-' (those made before issue 12 could): there it is
        // the SESSION_ID, not an unknown option
        commandLine.getSubcommands().get("admin").getSubcommands().get("sessions").getSubcommands().get("end")
                .setUnmatchedOptionsArePositionalParams(true);
        return commandLine;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"gatehouse " + (version == null ? "development build" : version)};
        }
    }
}
