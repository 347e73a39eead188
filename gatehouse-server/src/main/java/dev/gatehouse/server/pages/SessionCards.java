package dev.gatehouse.server.pages;

import dev.gatehouse.domain.session.SessionOrigin;
import dev.gatehouse.domain.session.SessionView;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.session.TokenView;
import dev.gatehouse.domain.token.TokenKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sessions page's model of one sign-in session (the {@code sessions} template's keys): how it was
 * made, from where and which browser, its times, and the CLI and SDK sign-ins made from it (its live
 * access and refresh tokens, grouped by the client they were issued to). Never a token's secret: the
 * domain's views have none.
 */
final class SessionCards {
    private SessionCards() {
    }

    /** @param currentSessionId the session of the browser asking, marked "This browser" */
    static Map<String, Object> of(SessionView view, String currentSessionId) {
        SignInSession session = view.session();
        SessionOrigin origin = session.origin();
        Map<String, Object> card = new HashMap<>();
        card.put("id", session.id());
        card.put("current", session.id().equals(currentSessionId));
        card.put("how", how(origin));
        card.put("client", origin.clientName().orElse(null));
        card.put("address", origin.sourceAddress().orElse(null));
        card.put("browser", origin.userAgent().map(UserAgents::shortened).orElse(null));
        putTime(card, "started", session.createdAt());
        card.put("lastUsed", view.lastUsedAt().map(ShownTimes::text).orElse(null));
        card.put("lastUsedIso", view.lastUsedAt().map(Instant::toString).orElse(null));
        putTime(card, "expires", session.expiresAt());
        card.put("clients", clients(view.liveTokens()));
        card.put("roleSessions", view.liveRoleSessions() > 0 ? view.liveRoleSessions() : null);
        return card;
    }

    private static String how(SessionOrigin origin) {
        return switch (origin.method()) {
            case BROWSER -> "Signed in in a browser";
            case DEVICE_CODE -> "Signed in for a device code";
            case PKCE -> "Signed in for an AWS CLI sign-in with PKCE";
            case UNRECORDED -> "Signed in (how was not recorded)";
        };
    }

    /** The access and refresh tokens by client, oldest first (access before refresh), clients by their first token. */
    private static List<Map<String, Object>> clients(List<TokenView> tokens) {
        Map<String, List<TokenView>> byClient = new LinkedHashMap<>();
        tokens.stream()
                .filter(token -> token.kind() == TokenKind.ACCESS || token.kind() == TokenKind.REFRESH)
                .sorted(Comparator.comparing(TokenView::issuedAt).thenComparing(TokenView::kind))
                .forEach(token -> byClient.computeIfAbsent(token.clientId(), id -> new ArrayList<>()).add(token));
        List<Map<String, Object>> clients = new ArrayList<>();
        byClient.forEach((clientId, issued) -> {
            Map<String, Object> client = new HashMap<>();
            client.put("clientId", clientId);
            client.put("clientName", issued.getFirst().clientName().orElse(clientId));
            client.put("tokens", issued.stream().map(SessionCards::token).toList());
            clients.add(client);
        });
        return clients;
    }

    private static Map<String, Object> token(TokenView token) {
        Map<String, Object> model = new HashMap<>();
        model.put("kind", token.kind().name());
        model.put("kindLabel", token.kind() == TokenKind.ACCESS ? "Access token" : "Refresh token");
        putTime(model, "issued", token.issuedAt());
        putTime(model, "expires", token.expiresAt());
        model.put("address", token.sourceAddress().orElse(null));
        return model;
    }

    /** {@code name} as people read it and {@code nameIso} for the {@code <time>} element. */
    private static void putTime(Map<String, Object> model, String name, Instant instant) {
        model.put(name, ShownTimes.text(instant));
        model.put(name + "Iso", instant.toString());
    }
}
