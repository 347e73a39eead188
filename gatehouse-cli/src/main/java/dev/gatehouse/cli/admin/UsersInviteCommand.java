package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.CreateInvitationCommand;
import dev.gatehouse.client.gatehouseadmin.model.CreateInvitationInput;
import dev.gatehouse.client.gatehouseadmin.model.CreateInvitationOutput;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse admin users invite USER_NAME}: an invitation link through which the user sets a
 * password (GatehouseAdmin.CreateInvitation). The link goes alone on stdout, its expiry to stderr;
 * with {@code --output json}: {@code {"UserName", "InvitationUrl", "ExpiresAt"}}.
 */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = "Make an invitation link for a user to set a password, and print it.")
public final class UsersInviteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    AdminConnection connection;

    @Parameters(paramLabel = "USER_NAME", description = "The user's user name.")
    String userName;

    private final CliEnvironment environment;

    public UsersInviteCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        CreateInvitationOutput invitation = connection.call(environment,
                admin -> admin.send(new CreateInvitationCommand(new CreateInvitationInput(userName))));
        PrintWriter out = spec.commandLine().getOut();
        if (connection.json()) {
            Map<String, String> members = new LinkedHashMap<>();
            members.put("UserName", userName);
            members.put("InvitationUrl", invitation.invitationUrl());
            members.put("ExpiresAt", AdminPrinter.time(invitation.expiresAt()));
            AdminPrinter.json(out, members);
            return 0;
        }
        out.println(invitation.invitationUrl());
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("Send this link to " + userName + " to set a password"
                + (invitation.expiresAt() == null ? "." : "; it works until " + AdminPrinter.time(invitation.expiresAt()) + "."));
        err.flush();
        return 0;
    }
}
