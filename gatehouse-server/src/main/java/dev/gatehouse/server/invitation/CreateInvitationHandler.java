package dev.gatehouse.server.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.invitation.Invitations;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.InvitationWire;
import dev.gatehouse.server.wire.InvitationWire.InvitationFor;

/**
 * {@code GatehouseAdmin.CreateInvitation}: a one-time link, good for seven days, with which the user
 * (named by {@code UserId} or {@code UserName}) sets a password on {@code /invitation}; it replaces any
 * link the user had. The answer carries the link, so it is never cached ({@link #handsOutSecrets}).
 */
public final class CreateInvitationHandler implements AdminOperation {
    private final Invitations invitations;
    private final Directory directory;

    public CreateInvitationHandler(Invitations invitations, Directory directory) {
        this.invitations = invitations;
        this.directory = directory;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller, String baseUrl) {
        InvitationFor target = InvitationWire.createInvitationInput(input);
        String userId = target.userId().orElseGet(() -> directory.user(target.userName().orElseThrow())
                .map(User::id)
                .orElseThrow(() -> new GatehouseException(ErrorCode.RESOURCE_NOT_FOUND, "User not found")));
        return InvitationWire.created(invitations.create(userId, caller.accessKeyId()), baseUrl);
    }

    /** Never called: {@code AdminTargets} runs every operation with the base URL, which the link needs. */
    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        throw new IllegalStateException("CreateInvitation makes a link and needs the caller's base URL");
    }

    @Override
    public boolean handsOutSecrets() {
        return true;
    }
}
