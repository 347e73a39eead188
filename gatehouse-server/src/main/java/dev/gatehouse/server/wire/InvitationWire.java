package dev.gatehouse.server.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InputRules;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.invitation.IssuedInvitation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of Gatehouse's own invitation operation ({@code GatehouseAdmin.CreateInvitation},
 * awsJson1.1): the user named by {@code UserId} or {@code UserName} (one of the two, with
 * identitystore's limits), and the link, its expiry in epoch seconds (as AWS's JSON timestamps) and
 * the user's id.
 */
public final class InvitationWire {
    /** The path of the page the link opens. */
    public static final String PAGE = "/invitation";
    private static final int MAX_USER_ID = 47;
    private static final int MAX_USER_NAME = 128;

    private InvitationWire() {
    }

    /** Whom CreateInvitation is for: exactly one of the two is present. */
    public record InvitationFor(Optional<String> userId, Optional<String> userName) {
    }

    public static InvitationFor createInvitationInput(JsonNode input) {
        Optional<String> userId = string(input, "UserId", MAX_USER_ID);
        Optional<String> userName = string(input, "UserName", MAX_USER_NAME);
        if (userId.isPresent() == userName.isPresent()) {
            throw new GatehouseException(ErrorCode.VALIDATION, userId.isPresent()
                    ? "Give either UserId or UserName, not both" : "UserId or UserName is required");
        }
        return new InvitationFor(userId, userName);
    }

    /** CreateInvitation's output. */
    public static Map<String, Object> created(IssuedInvitation issued, String baseUrl) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("InvitationUrl", baseUrl + PAGE + "?token=" + URLEncoder.encode(issued.token(), StandardCharsets.UTF_8));
        output.put("ExpiresAt", issued.expiresAt().getEpochSecond());
        output.put("UserId", issued.userId());
        return output;
    }

    private static Optional<String> string(JsonNode input, String member, int maxLength) {
        JsonNode node = input.get(member);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            // not echoed, as identitystore does not echo its user ids and names
            throw InvalidMemberException.wrongType(member, "a string", null);
        }
        String value = node.textValue();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > maxLength) {
            throw InvalidMemberException.tooLong(member, maxLength);
        }
        if (!InputRules.isPrintable(value)) {
            throw InvalidMemberException.notPrintable(member);
        }
        return Optional.of(value);
    }
}
