package dev.gatehouse.server.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Placeholder models for the page templates, as the real page handlers will fill them. */
final class SamplePages {
    static final String CSRF = "test-csrf-token";
    static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQDEXAMPLEtokenZ2F0ZWhvdXNl"
            + "cGxhY2Vob2xkZXJzZXNzaW9udG9rZW5mb3J0aGVhY2Nlc3Nwb3J0YWxwYWdlc2NyZWVuc2hvdHNvbmx5bm90cmVhbA"
            + "AiEAjxXwZlbmRvZnRoZXRva2Vu/wEXAMPLE+a2V5cw==";

    private SamplePages() {
    }

    static Map<String, Object> signIn() {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", CSRF);
        model.put("client", "AWS CLI");
        model.put("hidden", passThrough());
        return model;
    }

    static Map<String, String> passThrough() {
        Map<String, String> hidden = new LinkedHashMap<>();
        hidden.put("client_id", "client-123");
        hidden.put("redirect_uri", "http://127.0.0.1:49152/oauth/callback?x=1&y=<2>");
        hidden.put("state", "state-xyz");
        return hidden;
    }

    static Map<String, Object> deviceCode() {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", CSRF);
        return model;
    }

    static Map<String, Object> consent(boolean deviceFlow) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", CSRF);
        model.put("clientName", "botocore-client-default");
        model.put("scopes", List.of("sso:account:access"));
        model.put("signedInAs", "Alice Example");
        model.put("hidden", Map.of("request_id", "req-42"));
        if (deviceFlow) {
            model.put("userCode", "WDJB-MJHT");
        }
        return model;
    }

    static Map<String, Object> portal(boolean withCredentials) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", CSRF);
        model.put("displayName", "Alice Example");
        model.put("credentialsAction", "/portal/credentials");
        model.put("signOutAction", "/sign-out");
        List<Map<String, Object>> accounts = new ArrayList<>();
        accounts.add(account("111122223333", "Production", "aws-prod@example.com", List.of("AdministratorAccess", "ReadOnlyAccess")));
        accounts.add(account("444455556666", "Development", "aws-dev@example.com", List.of("PowerUserAccess")));
        accounts.add(account("777788889999", "Audit", null, List.of()));
        model.put("accounts", accounts);
        if (withCredentials) {
            model.put("credentials", credentials("111122223333", "Production", "ReadOnlyAccess"));
        }
        return model;
    }

    static Map<String, Object> account(String id, String name, String email, List<String> roles) {
        Map<String, Object> account = new HashMap<>();
        account.put("accountId", id);
        account.put("accountName", name);
        account.put("emailAddress", email);
        account.put("roles", roles);
        return account;
    }

    static Map<String, Object> credentials(String accountId, String accountName, String roleName) {
        Map<String, Object> credentials = new HashMap<>();
        credentials.put("accountId", accountId);
        credentials.put("accountName", accountName);
        credentials.put("roleName", roleName);
        credentials.put("accessKeyId", "ASIAGATEHOUSEEXAMPLE");
        credentials.put("secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        credentials.put("sessionToken", SESSION_TOKEN);
        credentials.put("expiration", "24 Nov 2026, 20:15 UTC");
        credentials.put("expirationIso", "2026-11-24T20:15:00Z");
        return credentials;
    }

    static Map<String, Object> message(String kind, String title, String text) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("title", title);
        model.put("text", text);
        return model;
    }
}
