package dev.gatehouse.client.sso.model;

/** An AWS account the user may reach, as ListAccounts lists it. */
public record AccountInfo(String accountId, String accountName, String emailAddress) {
}
