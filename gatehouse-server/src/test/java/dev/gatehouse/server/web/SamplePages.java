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
        model.put("sessionsHref", "/portal/sessions");
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

    /** Two sessions: this browser's (no CLI sign-ins), and a device-code one with two tokens of one client. */
    static Map<String, Object> sessions() {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", CSRF);
        model.put("displayName", "Alice Example");
        model.put("portalHref", "/portal");
        model.put("endAction", "/portal/sessions/end");
        Map<String, Object> browser = session("session-browser", true, "Signed in in a browser", null, List.of());
        browser.put("lastUsed", "2026-11-24 19:30:00 UTC");
        browser.put("lastUsedIso", "2026-11-24T19:30:00Z");
        Map<String, Object> client = new HashMap<>();
        client.put("clientId", "client-1");
        client.put("clientName", "botocore-client-laptop");
        client.put("tokens", List.of(token("ACCESS", "Access token", "203.0.113.7"), token("REFRESH", "Refresh token", null)));
        Map<String, Object> device = session("session-device", false, "Signed in for a device code",
                "botocore-client-laptop", List.of(client));
        device.put("roleSessions", 2);
        model.put("sessions", List.of(browser, device));
        return model;
    }

    static Map<String, Object> session(String id, boolean current, String how, String clientName,
                                       List<Map<String, Object>> clients) {
        Map<String, Object> session = new HashMap<>();
        session.put("id", id);
        session.put("current", current);
        session.put("how", how);
        session.put("client", clientName);
        session.put("address", "203.0.113.7");
        session.put("browser", "Chrome 131 on Linux");
        session.put("started", "2026-11-24 19:15:00 UTC");
        session.put("startedIso", "2026-11-24T19:15:00Z");
        session.put("expires", "2026-11-25 03:15:00 UTC");
        session.put("expiresIso", "2026-11-25T03:15:00Z");
        session.put("clients", clients);
        return session;
    }

    static Map<String, Object> token(String kind, String label, String address) {
        Map<String, Object> token = new HashMap<>();
        token.put("kind", kind);
        token.put("kindLabel", label);
        token.put("issued", "2026-11-24 19:16:00 UTC");
        token.put("issuedIso", "2026-11-24T19:16:00Z");
        token.put("expires", "2026-11-24 20:16:00 UTC");
        token.put("expiresIso", "2026-11-24T20:16:00Z");
        token.put("address", address);
        return token;
    }

    static Map<String, Object> message(String kind, String title, String text) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", kind);
        model.put("title", title);
        model.put("text", text);
        return model;
    }
}
