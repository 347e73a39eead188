package dev.gatehouse.client.sso.model;

import dev.gatehouse.client.internal.Redact;
import java.util.Objects;

/**
 * GetRoleCredentials' input.
 *
 * @param accessToken the OIDC access token (sent as {@code x-amz-sso_bearer_token})
 * @param accountId   the AWS account (query {@code account_id})
 * @param roleName    the permission set's name as ListAccountRoles lists it (query {@code role_name})
 */
public record GetRoleCredentialsInput(String accessToken, String accountId, String roleName) {
    public GetRoleCredentialsInput {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(roleName, "roleName");
    }

    public static GetRoleCredentialsInput of(String accessToken, String accountId, String roleName) {
        return new GetRoleCredentialsInput(accessToken, accountId, roleName);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "GetRoleCredentialsInput[accessToken=" + Redact.secret(accessToken) + ", accountId=" + accountId
                + ", roleName=" + roleName + "]";
    }

    public static final class Builder {
        private String accessToken;
        private String accountId;
        private String roleName;

        private Builder() {
        }

        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        public GetRoleCredentialsInput build() {
            return new GetRoleCredentialsInput(accessToken, accountId, roleName);
        }

        @Override
        public String toString() {
            return "GetRoleCredentialsInput.Builder[accessToken=" + Redact.secret(accessToken) + "]";
        }
    }
}
