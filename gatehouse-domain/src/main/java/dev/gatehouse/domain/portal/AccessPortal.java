package dev.gatehouse.domain.portal;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.credentials.CredentialIssuer;
import dev.gatehouse.domain.credentials.RoleCredentials;
import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.session.SignInSessions;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.Tokens;
import java.util.List;
import java.util.Optional;

/**
 * The access-portal use cases: who is calling, what they may reach, role credentials, and Logout.
 * One method per API operation; each reads top to bottom as the rule for that operation.
 */
public final class AccessPortal {
    private final Directory directory;
    private final Tokens tokens;
    private final SignInSessions sessions;
    private final CredentialIssuer credentials;
    private final AuditTrail audit;

    public AccessPortal(Directory directory, Tokens tokens, SignInSessions sessions, CredentialIssuer credentials,
                        AuditTrail audit) {
        this.directory = directory;
        this.tokens = tokens;
        this.sessions = sessions;
        this.credentials = credentials;
        this.audit = audit;
    }

    /** The caller behind an access token; UNAUTHORIZED when it is unknown, expired or logged out. */
    public Caller authenticate(String accessToken) {
        return tokens.verify(TokenKind.ACCESS, accessToken)
                .flatMap(this::caller)
                .orElseThrow(GatehouseException::unauthorized);
    }

    /**
     * The person behind a browser's session cookie, by the same rule as {@link #authenticate} plus the
     * directory's browser idle timeout; empty when the cookie is unknown, expired, logged out or was
     * left unused too long. Each call counts as a use.
     */
    public Optional<Caller> signedInBrowser(String browserToken) {
        return tokens.verifyInUse(TokenKind.BROWSER, browserToken, directory.browserIdleTimeout())
                .flatMap(this::caller);
    }

    private Optional<Caller> caller(Tokens.Verified verified) {
        return directory.userOfSession(verified.session().userId(), verified.session().createdAt())
                .map(user -> new Caller(user, verified.session(), verified.token()));
    }

    /**
     * Every account the caller may reach with the roles they have in it, ordered by account id and
     * role name: the portal page's list, by the same rule as {@link #listAccounts} and
     * {@link #listAccountRoles}.
     */
    public List<AccountRoles> accountsWithRoles(Caller caller) {
        return directory.accountsOf(caller.user()).stream()
                .map(account -> new AccountRoles(account, assignedPermissionSets(caller, account.id()).stream()
                        .map(PermissionSet::name)
                        .toList()))
                .toList();
    }

    public Page<Account> listAccounts(Caller caller, PageRequest page) {
        return page.apply(directory.accountsOf(caller.user()), Account::id);
    }

    public Page<RoleInfo> listAccountRoles(Caller caller, String accountId, PageRequest page) {
        List<RoleInfo> roles = assignedPermissionSets(caller, accountId).stream()
                .map(p -> new RoleInfo(p.name(), accountId))
                .toList();
        return page.apply(roles, RoleInfo::roleName);
    }

    public RoleCredentials getRoleCredentials(Caller caller, String accountId, String roleName) {
        PermissionSet permissionSet = assignedPermissionSets(caller, accountId).stream()
                .filter(p -> p.name().equals(roleName))
                .findFirst()
                .orElseThrow(GatehouseException::forbidden);
        return credentials.issue(caller.session(), caller.user().userName(), accountId, permissionSet);
    }

    /**
     * Ends the caller's whole sign-in session: every access and refresh token of it stops working.
     * Role credentials already issued stay valid until they expire. Durable when this returns. Audited
     * as Logout, {@code via=api} for the Logout operation (an access token) and {@code via=browser} for
     * the portal page's sign-out (the browser's session cookie).
     */
    public void logout(Caller caller) {
        sessions.end(caller.session().id());
        boolean browser = caller.token().kind() == TokenKind.BROWSER;
        audit.event(AuditEvent.LOGOUT).user(caller.user()).session(caller.session().id())
                .client(null, browser ? null : caller.token().clientId())
                .detail("via", browser ? "browser" : "api").record();
    }

    private List<PermissionSet> assignedPermissionSets(Caller caller, String accountId) {
        List<PermissionSet> assigned = directory.permissionSetsOf(caller.user(), accountId);
        if (assigned.isEmpty()) {
            throw GatehouseException.forbidden();
        }
        return assigned;
    }

    /** An account and the names of the caller's roles in it. */
    public record AccountRoles(Account account, List<String> roleNames) {
    }

    /** A role as ListAccountRoles names it: the permission set in one account. */
    public record RoleInfo(String roleName, String accountId) {
    }
}
