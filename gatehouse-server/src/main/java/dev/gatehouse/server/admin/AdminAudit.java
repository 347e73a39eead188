package dev.gatehouse.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.server.wire.Json;
import java.time.InstantSource;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail of the admin APIs, on the {@code dev.gatehouse.audit} logger: one line for every
 * call that changed something (any operation not named Describe…, List…, Get… or IsMember…) once it
 * succeeded — when, which access key, which target, and the ids of the resources it named or made —
 * and one {@code admin call refused} line for every call whose signature was refused, with the key id
 * it presented and why. Only identifiers are written: never a secret, a password, a token, or an
 * attribute's value, whatever the input held.
 */
public final class AdminAudit {
    private static final Logger AUDIT = LoggerFactory.getLogger("dev.gatehouse.audit");
    /** The members that identify what a call acted on, wherever they sit in the input or output. */
    static final List<String> RESOURCE_MEMBERS = List.of("UserId", "GroupId", "MembershipId", "PermissionSetArn",
            "AccountId", "TargetId", "PrincipalId", "AccessKeyId", "UserName");
    private static final List<String> READ_ONLY_PREFIXES = List.of("Describe", "List", "Get", "IsMember");
    private static final int MAX_DEPTH = 4;
    private static final int MAX_VALUE_LENGTH = 128;

    private final InstantSource clock;

    public AdminAudit(InstantSource clock) {
        this.clock = clock;
    }

    /** Whether a call of this target changes something (and so is audited). */
    static boolean changes(String target) {
        String operation = target.substring(target.indexOf('.') + 1);
        return READ_ONLY_PREFIXES.stream().noneMatch(operation::startsWith);
    }

    /** A call that succeeded with this output: audited when it changes something. */
    void succeeded(String target, AdminCaller caller, JsonNode input, Object output) {
        if (!changes(target)) {
            return;
        }
        Set<String> resources = new LinkedHashSet<>();
        collect(input, 0, resources);
        collect(Json.MAPPER.valueToTree(output), 0, resources);
        AUDIT.info("event=admin_call at={} key={} target={} resources=[{}]", clock.instant(), caller.accessKeyId(),
                target, String.join(" ", resources));
    }

    /**
     * A call whose signature was refused; {@code presentedKeyId} is null when the request named no key
     * that could be read (unsigned, or a malformed signature).
     */
    void refused(String target, String presentedKeyId, ErrorCode reason) {
        AUDIT.warn("admin call refused: at={} key={} target={} reason={}", clock.instant(),
                presentedKeyId == null ? "-" : presentedKeyId, quoted(target == null ? "-" : target), reason);
    }

    /** Adds {@code Member="value"} for every resource member in the tree (lists and objects, a few levels deep). */
    private static void collect(JsonNode node, int depth, Set<String> resources) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, depth + 1, resources));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (RESOURCE_MEMBERS.contains(member.getKey()) && member.getValue().isTextual()) {
                resources.add(member.getKey() + "=" + quoted(member.getValue().asText()));
            } else if (member.getValue().isContainerNode()) {
                collect(member.getValue(), depth + 1, resources);
            }
        }
    }

    /** The value in double quotes, cut short, with quotes, backslashes and anything unprintable as '?'. */
    static String quoted(String value) {
        String cut = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) + "..." : value;
        return "\"" + cut.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "?") + "\"";
    }
}
