package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.CreateInvitationCommand;
import dev.gatehouse.client.gatehouseadmin.model.CreateInvitationInput;
import dev.gatehouse.client.gatehouseadmin.model.CreateInvitationOutput;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse admin users invite USER_NAME}: an invitation link through which the user sets a
 * password (GatehouseAdmin.CreateInvitation). The link goes alone on stdout, its expiry to stderr;
 * with {@code --output json}: {@code {"UserName", "InvitationUrl", "ExpiresAt"}}.
 */
@Command(name = "invite", mixinStandardHelpOptions = true,
        description = "Make an invitation link for a user to set a password, and print it.")
public final class UsersInviteCommand extends AdminSubcommand {
    @Parameters(paramLabel = "USER_NAME", description = "The user's user name.")
    String userName;

    public UsersInviteCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        CreateInvitationOutput invitation = request(admin -> admin.send(new CreateInvitationCommand(
                new CreateInvitationInput(userName))));
        Map<String, String> members = new LinkedHashMap<>();
        members.put("UserName", userName);
        members.put("InvitationUrl", invitation.invitationUrl());
        members.put("ExpiresAt", AdminPrinter.time(invitation.expiresAt()));
        print(members, out -> out.println(invitation.invitationUrl()));
        if (!connection.json()) {
            note("Send this link to " + userName + " to set a password" + (invitation.expiresAt() == null ? "."
                    : "; it works until " + AdminPrinter.time(invitation.expiresAt()) + "."));
        }
        return 0;
    }
}
