package dev.gatehouse.server.invitation;

import dev.gatehouse.domain.directory.Assignment;
import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.PrincipalType;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Users made as identitystore's CreateUser makes them, through the live directory: no password, so no
 * way to sign in until an invitation link gives them one. Each holds ReadOnlyAccess in DEV, so that
 * the portal has something to show once they are in.
 */
public final class InvitedUsers {
    /** A password that meets every rule. */
    public static final String NEW_PASSWORD = "Fresh-start-2026!";

    private InvitedUsers() {
    }

    public static User create(TestService service, String userName, String displayName) {
        User user = new User(UUID.randomUUID().toString(), userName, Optional.empty(), Optional.empty(),
                Attributes.of(Map.of("DisplayName", displayName)), List.of(), Origin.API,
                Stamps.made(service.clock.instant(), TestDirectory.ADMIN_KEY_ID));
        String readOnly = service.gatehouse.directory().permissionSet("ReadOnlyAccess").orElseThrow().arn();
        service.gatehouse.liveDirectory().write(List.of(user, new Assignment(TestDirectory.DEV, readOnly,
                PrincipalType.USER, user.id(), Origin.API, Stamps.made(service.clock.instant(),
                TestDirectory.ADMIN_KEY_ID))), List.of());
        return user;
    }

    /** The link CreateInvitation would answer with, made through the domain. */
    public static String invitationPath(TestService service, User user) {
        return "/invitation?token=" + service.gatehouse.invitations().create(user.id(), TestDirectory.ADMIN_KEY_ID).token();
    }
}
