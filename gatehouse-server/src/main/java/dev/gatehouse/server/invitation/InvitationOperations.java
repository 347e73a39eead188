package dev.gatehouse.server.invitation;

import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.admin.AdminTargets.Service;
import java.util.Map;

/** The admin operations on invitations, by target, for the admin API's table in {@code Routes}. */
public final class InvitationOperations {
    private InvitationOperations() {
    }

    public static Map<String, AdminOperation> all(Gatehouse gatehouse) {
        return Map.of(Service.GATEHOUSE.target("CreateInvitation"),
                new CreateInvitationHandler(gatehouse.invitations(), gatehouse.directory()));
    }
}
