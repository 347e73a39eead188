package dev.gatehouse.client.sso.model;

/** GetRoleCredentials' output. */
public record GetRoleCredentialsOutput(RoleCredentials roleCredentials) {
}
