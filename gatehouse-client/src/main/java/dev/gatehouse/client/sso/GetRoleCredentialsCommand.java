package dev.gatehouse.client.sso;

import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import dev.gatehouse.client.sso.model.GetRoleCredentialsInput;
import dev.gatehouse.client.sso.model.GetRoleCredentialsOutput;
import dev.gatehouse.client.sso.model.RoleCredentials;
import java.time.Instant;

/**
 * GetRoleCredentials — {@code GET /federation/credentials?role_name=&account_id=} with the access
 * token in {@code x-amz-sso_bearer_token}. Answers {@code {"roleCredentials": {accessKeyId,
 * secretAccessKey, sessionToken, expiration}}}, {@code expiration} in epoch <em>milliseconds</em>.
 */
public final class GetRoleCredentialsCommand extends SsoCommand<GetRoleCredentialsInput, GetRoleCredentialsOutput> {
    public GetRoleCredentialsCommand(GetRoleCredentialsInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "GetRoleCredentials";
    }

    @Override
    protected WireRequest request() {
        return WireRequest.get(operationName(), "/federation/credentials")
                .query("role_name", input().roleName())
                .query("account_id", input().accountId())
                .header(BEARER_TOKEN, input().accessToken())
                .build();
    }

    @Override
    protected GetRoleCredentialsOutput output(WireResponse response) {
        JsonObject credentials = response.json().object("roleCredentials");
        if (credentials == null) {
            return new GetRoleCredentialsOutput(null);
        }
        Instant expiration = credentials.has("expiration")
                ? Instant.ofEpochMilli(credentials.number("expiration", 0))
                : null;
        return new GetRoleCredentialsOutput(new RoleCredentials(credentials.string("accessKeyId"),
                credentials.string("secretAccessKey"), credentials.string("sessionToken"), expiration));
    }
}
