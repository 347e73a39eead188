package dev.gatehouse.domain;

import dev.gatehouse.domain.admin.AdminAuthenticator;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.admin.AdminKeyPepper;
import dev.gatehouse.domain.admin.AdminKeySecrets;
import dev.gatehouse.domain.admin.AdminKeys;
import dev.gatehouse.domain.credentials.CredentialIssuer;
import dev.gatehouse.domain.credentials.ReservedRoles;
import dev.gatehouse.domain.credentials.RoleSessionAuthenticator;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryIds;
import dev.gatehouse.domain.directory.DirectoryImport;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.federation.IdentitySource;
import dev.gatehouse.domain.federation.JustInTimeUsers;
import dev.gatehouse.domain.federation.UpstreamSignIn;
import dev.gatehouse.domain.invitation.Invitations;
import dev.gatehouse.domain.oidc.AuthorizationCodeGrant;
import dev.gatehouse.domain.oidc.AuthorizationCodes;
import dev.gatehouse.domain.oidc.ClientRegistry;
import dev.gatehouse.domain.oidc.DeviceAuthorizations;
import dev.gatehouse.domain.oidc.DeviceCodeGrant;
import dev.gatehouse.domain.oidc.RefreshTokenGrant;
import dev.gatehouse.domain.portal.AccessPortal;
import dev.gatehouse.domain.session.SessionActivity;
import dev.gatehouse.domain.session.SignInSessions;
import dev.gatehouse.domain.session.UserSessions;
import dev.gatehouse.domain.signin.SignIn;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.Tokens;
import java.time.InstantSource;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The domain wired together: one directory, one store, one clock. Every service that tells time
 * gets this one clock, so tests move it instead of sleeping.
 */
public record Gatehouse(Directory directory, LiveDirectory liveDirectory, GatehouseStore store, InstantSource clock, SignInSessions sessions,
                        Tokens tokens, CredentialIssuer credentials, AccessPortal portal, SignIn signIn,
                        ClientRegistry clients, DeviceAuthorizations deviceAuthorizations,
                        AuthorizationCodes authorizationCodes, Grants grants,
                        RoleSessionAuthenticator roleSessions, AdminAuthenticator admins,
                        Invitations invitations, AdminKeys adminKeys, AuditTrail audit, UserSessions userSessions,
                        SessionActivity activity, IdentitySource identitySource, UpstreamSignIn upstream) {

    /** The three CreateToken grants, one class each. */
    public record Grants(DeviceCodeGrant deviceCode, AuthorizationCodeGrant authorizationCode,
                         RefreshTokenGrant refreshToken) {
    }

    /** {@link #create(DirectoryFile, GatehouseStore, InstantSource, Optional)} without an admin key pepper. */
    public static Gatehouse create(DirectoryFile file, GatehouseStore store, InstantSource clock) {
        return create(file, store, clock, Optional.empty());
    }

    /**
     * Wires the domain on {@code store}: the directory file is imported into the store's live directory
     * (see {@code DirectoryImport}), which is then loaded into memory.
     *
     * @param adminKeyPepper the operator's secret that admin key secrets are derived with, beside the
     *     instance key (see {@link AdminKeySecrets}); empty: the instance key alone
     */
    public static Gatehouse create(DirectoryFile file, GatehouseStore store, InstantSource clock,
                                   Optional<AdminKeyPepper> adminKeyPepper) {
        Directory directory = new Directory(file.region(), file.signInSessionDuration(), file.browserIdleTimeout(),
                file.accounts(), new DirectoryIds(store.instanceKey()));
        LiveDirectory live = new LiveDirectory(directory, store, clock);
        live.reload();
        DirectoryImport.apply(file, live, clock);
        AuditTrail audit = new AuditTrail(directory, clock, file.controls().auditRetention(), store);
        SignInSessions sessions = new SignInSessions(directory, store, clock, audit, file.controls().maxSessionsPerUser());
        SessionActivity activity = new SessionActivity(store, clock);
        Tokens tokens = new Tokens(store, clock, activity);
        CredentialIssuer credentials = new CredentialIssuer(store, clock, audit);
        AccessPortal portal = new AccessPortal(directory, tokens, sessions, credentials, audit);
        SignIn signIn = new SignIn(directory, sessions, tokens, store, clock, audit);
        ClientRegistry clients = new ClientRegistry(store, clock);
        Grants grants = new Grants(new DeviceCodeGrant(store, sessions, tokens, clock, audit),
                new AuthorizationCodeGrant(store, sessions, tokens, clock, audit),
                new RefreshTokenGrant(store, sessions, tokens, clock, audit));
        RoleSessionAuthenticator roleSessions = new RoleSessionAuthenticator(credentials, sessions, directory,
                new ReservedRoles(store.instanceKey()), clock);
        AdminKeySecrets adminSecrets = AdminKeySecrets.of(store.instanceKey(), adminKeyPepper);
        AdminKeys adminKeys = new AdminKeys(live, file.adminKeys().stream()
                .map(DirectoryFile.BootstrapAdminKey::accessKeyId).collect(Collectors.toSet()), adminSecrets, clock);
        return new Gatehouse(directory, live, store, clock, sessions, tokens, credentials, portal, signIn, clients,
                new DeviceAuthorizations(store, clock), new AuthorizationCodes(clients, store, clock), grants,
                roleSessions, new AdminAuthenticator(directory, file.adminKeys(), adminSecrets, clock),
                new Invitations(live, store, sessions, clock, audit), adminKeys, audit,
                new UserSessions(sessions, activity, store, audit, clock), activity, file.identitySource(),
                new UpstreamSignIn(directory, sessions, tokens, audit, new JustInTimeUsers(live, clock, audit)));
    }
}
