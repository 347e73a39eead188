package dev.gatehouse.server.wire;

import dev.gatehouse.domain.credentials.RoleCredentials;
import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.portal.AccessPortal.RoleInfo;
import dev.gatehouse.domain.portal.Page;
import java.util.List;

/**
 * The access-portal (service {@code sso}, restJson1) response bodies, member names exactly as in
 * the service model. Absent members are omitted.
 */
public final class PortalWire {
    private PortalWire() {
    }

    public record RoleCredentialsBody(String accessKeyId, String secretAccessKey, String sessionToken, long expiration) {
        @Override
        public String toString() {
            return "RoleCredentialsBody[" + accessKeyId + "]";
        }
    }

    public record GetRoleCredentialsResponse(RoleCredentialsBody roleCredentials) {
    }

    public record AccountInfo(String accountId, String accountName, String emailAddress) {
    }

    public record ListAccountsResponse(List<AccountInfo> accountList, String nextToken) {
    }

    public record RoleInfoBody(String roleName, String accountId) {
    }

    public record ListAccountRolesResponse(List<RoleInfoBody> roleList, String nextToken) {
    }

    public static GetRoleCredentialsResponse credentials(RoleCredentials c) {
        return new GetRoleCredentialsResponse(new RoleCredentialsBody(c.accessKeyId(), c.secretAccessKey(),
                c.sessionToken(), c.expiration().toEpochMilli()));
    }

    public static ListAccountsResponse accounts(Page<Account> page) {
        return new ListAccountsResponse(
                page.items().stream().map(a -> new AccountInfo(a.id(), a.name(), a.email())).toList(),
                page.nextToken().orElse(null));
    }

    public static ListAccountRolesResponse roles(Page<RoleInfo> page) {
        return new ListAccountRolesResponse(
                page.items().stream().map(r -> new RoleInfoBody(r.roleName(), r.accountId())).toList(),
                page.nextToken().orElse(null));
    }
}
