package dev.gatehouse.server.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InputRules;
import dev.gatehouse.domain.portal.Page;
import dev.gatehouse.domain.session.SessionEnding;
import dev.gatehouse.domain.session.SessionView;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.session.TokenView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of GatehouseAdmin's session operations (ListSessions, EndSession, EndUserSessions),
 * in the style of {@link GatehouseAdminWire}: a session is {@code {SessionId, UserId, UserName,
 * StartedAt, ExpiresAt, LastUsedAt?, SignInMethod, ClientName?, SourceAddress?, UserAgent?, Tokens,
 * LiveRoleSessions}}, a token {@code {Kind, ClientId, ClientName?, IssuedAt, ExpiresAt, SourceAddress?}}
 * (never a token's secret), times in epoch seconds. A user is named by exactly one of {@code UserName}
 * and {@code UserId}; one that does not exist is a ResourceNotFoundException of type {@code USER}, an
 * unknown session one of type {@code SESSION}.
 */
public final class SessionAdminWire {
    /** The longest user name, user id or session id an input may hold. */
    static final int MAX_ID_LENGTH = 128;

    private SessionAdminWire() {
    }

    // ---- inputs

    /** Who a call is about: exactly one of the two is present. */
    public record UserRef(Optional<String> userName, Optional<String> userId) {
        /** What the caller sent, for a ResourceNotFoundException's {@code ResourceId}. */
        public String given() {
            return userName.or(() -> userId).orElseThrow();
        }
    }

    /** {@code UserName} or {@code UserId}, exactly one of them (else a ValidationException). */
    public static UserRef userRef(JsonNode input) {
        Optional<String> name = boundedId(input, "UserName");
        Optional<String> id = boundedId(input, "UserId");
        if (name.isPresent() == id.isPresent()) {
            throw new GatehouseException(ErrorCode.VALIDATION, "Exactly one of UserName and UserId is required");
        }
        return new UserRef(name, id);
    }

    /** {@code SessionId}, required. */
    public static String sessionId(JsonNode input) {
        return InputRules.bounded("SessionId", GatehouseAdminWire.requiredString(input, "SessionId"), MAX_ID_LENGTH);
    }

    /** {@code EndRoleSessions}, false unless given. */
    public static boolean endRoleSessions(JsonNode input) {
        return Boolean.TRUE.equals(AwsJsonMembers.bool(input, "EndRoleSessions", "EndRoleSessions"));
    }

    private static Optional<String> boundedId(JsonNode input, String member) {
        return GatehouseAdminWire.optionalString(input, member).filter(s -> !s.isEmpty())
                .map(s -> InputRules.bounded(member, s, MAX_ID_LENGTH));
    }

    public static ResourceNotFound userNotFound(UserRef ref) {
        return new ResourceNotFound("USER", ref.given());
    }

    public static ResourceNotFound sessionNotFound(String sessionId) {
        return new ResourceNotFound("SESSION", sessionId);
    }

    // ---- outputs

    /** ListSessions' answer: one page of the user's active sessions. */
    public static Map<String, Object> sessions(Page<SessionView> page, User user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Sessions", page.items().stream().map(view -> session(view, user)).toList());
        page.nextToken().ifPresent(token -> out.put("NextToken", token));
        return out;
    }

    /** One session as an admin sees it. */
    public static Map<String, Object> session(SessionView view, User user) {
        SignInSession session = view.session();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("SessionId", session.id());
        out.put("UserId", user.id());
        out.put("UserName", user.userName());
        out.put("StartedAt", GatehouseAdminWire.epochSeconds(session.createdAt()));
        out.put("ExpiresAt", GatehouseAdminWire.epochSeconds(session.expiresAt()));
        view.lastUsedAt().ifPresent(at -> out.put("LastUsedAt", GatehouseAdminWire.epochSeconds(at)));
        out.put("SignInMethod", session.origin().method().name());
        session.origin().clientName().ifPresent(name -> out.put("ClientName", name));
        session.origin().sourceAddress().ifPresent(address -> out.put("SourceAddress", address));
        session.origin().userAgent().ifPresent(agent -> out.put("UserAgent", agent));
        out.put("Tokens", view.liveTokens().stream().map(SessionAdminWire::token).toList());
        out.put("LiveRoleSessions", view.liveRoleSessions());
        return out;
    }

    private static Map<String, Object> token(TokenView token) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Kind", token.kind().name());
        out.put("ClientId", token.clientId());
        token.clientName().ifPresent(name -> out.put("ClientName", name));
        out.put("IssuedAt", GatehouseAdminWire.epochSeconds(token.issuedAt()));
        out.put("ExpiresAt", GatehouseAdminWire.epochSeconds(token.expiresAt()));
        token.sourceAddress().ifPresent(address -> out.put("SourceAddress", address));
        return out;
    }

    /** EndSession's answer. */
    public static Map<String, Object> sessionEnded(String sessionId, SessionEnding ending) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("SessionId", sessionId);
        out.put("SessionsEnded", ending.sessionsEnded());
        out.put("RoleSessionsEnded", ending.roleSessionsEnded());
        return out;
    }

    /** EndUserSessions' answer. */
    public static Map<String, Object> userSessionsEnded(String userId, SessionEnding ending) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("UserId", userId);
        out.put("SessionsEnded", ending.sessionsEnded());
        out.put("RoleSessionsEnded", ending.roleSessionsEnded());
        return out;
    }
}
