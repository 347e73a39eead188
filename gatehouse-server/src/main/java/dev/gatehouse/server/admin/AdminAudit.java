package dev.gatehouse.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.server.wire.Json;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admin APIs' part of the audit trail: an {@code AdminCall} event for every call that changes
 * something (any operation not named Describe…, List…, Get… or IsMember…), {@code success} once it is
 * done and {@code failure} when it was refused for its input or failed, and a {@code denied} one for
 * every call whose signature was refused, whatever its operation. Each names the access key as its
 * {@code client} (for a refused call, the key id it presented, if any), and in its details the
 * {@code target}, {@code service} and {@code operation}, why it was refused or failed
 * ({@code reason}), and the ids of the resources the input and output name ({@code UserId},
 * {@code GroupId}, …); the user (id, and name as the directory has it), when the call names one user id. Only identifiers are kept: never a
 * secret, a password, a token, or an attribute's value, whatever the input held.
 */
public final class AdminAudit {
    /** The members that identify what a call acted on, wherever they sit in the input or output. */
    static final List<String> RESOURCE_MEMBERS = List.of("UserId", "GroupId", "MembershipId", "PermissionSetArn",
            "AccountId", "TargetId", "PrincipalId", "AccessKeyId", "UserName", "SessionId");
    private static final List<String> READ_ONLY_PREFIXES = List.of("Describe", "List", "Get", "IsMember");
    private static final int MAX_DEPTH = 4;
    private static final int MAX_VALUE_LENGTH = 128;
    private static final Pattern KEY_ID_LIKE = Pattern.compile("[A-Z0-9]{16,128}");

    private final AuditTrail trail;

    public AdminAudit(AuditTrail trail) {
        this.trail = trail;
    }

    /** Whether a call of this target changes something (and so is audited). */
    static boolean changes(String target) {
        String operation = target.substring(target.indexOf('.') + 1);
        return READ_ONLY_PREFIXES.stream().noneMatch(operation::startsWith);
    }

    /** A call that succeeded with this output: audited when it changes something. */
    void succeeded(String target, String service, AdminCaller caller, JsonNode input, Object output) {
        if (changes(target)) {
            record(AuditOutcome.SUCCESS, target, service, caller.accessKeyId(), null, input,
                    Json.MAPPER.valueToTree(output));
        }
    }

    /**
     * A signed call that was refused for its input or failed ({@code reason}: the error's code);
     * audited when it would have changed something. {@code input} is null when the body was not JSON.
     */
    void failed(String target, String service, AdminCaller caller, JsonNode input, String reason) {
        if (changes(target)) {
            record(AuditOutcome.FAILURE, target, service, caller.accessKeyId(), reason, input, null);
        }
    }

    /**
     * A call whose signature was refused; {@code presentedKeyId} is null when the request named no key
     * that could be read (unsigned, or a malformed signature). Its body is not read. A presented key id
     * that does not look like one (AWS's form: upper-case letters and digits, 16 to 128) is not kept: it
     * may be a secret access key pasted where the key id belongs.
     */
    void refused(String target, String service, String presentedKeyId, String reason) {
        boolean keyIdLike = presentedKeyId != null && KEY_ID_LIKE.matcher(presentedKeyId).matches();
        record(AuditOutcome.DENIED, target, service, keyIdLike ? presentedKeyId : null,
                presentedKeyId != null && !keyIdLike ? reason + " (key id not shown: not of an access key id's form)"
                        : reason, null, null);
    }

    private void record(AuditOutcome outcome, String target, String service, String keyId, String reason,
                        JsonNode input, JsonNode output) {
        Map<String, Set<String>> resources = new LinkedHashMap<>();
        collect(input, 0, resources);
        collect(output, 0, resources);
        AuditTrail.Entry entry = trail.event(AuditEvent.ADMIN_CALL).outcome(outcome)
                .client(keyId == null ? null : shown(keyId), null)
                .detail("target", shown(target)).detail("service", service)
                .detail("operation", shown(target.substring(target.indexOf('.') + 1)))
                .detail("reason", reason);
        resources.forEach((member, values) -> entry.detail(member, String.join(" ", values)));
        oneOf(resources, "UserId").ifPresent(entry::userId);
        entry.record();
    }

    private static Optional<String> oneOf(Map<String, Set<String>> resources, String member) {
        Set<String> values = resources.getOrDefault(member, Set.of());
        return values.size() == 1 ? Optional.of(values.iterator().next()) : Optional.empty();
    }

    /** Adds every resource member's value in the tree (lists and objects, a few levels deep). */
    private static void collect(JsonNode node, int depth, Map<String, Set<String>> resources) {
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
                resources.computeIfAbsent(member.getKey(), k -> new LinkedHashSet<>())
                        .add(shown(member.getValue().asText()));
            } else if (member.getValue().isContainerNode()) {
                collect(member.getValue(), depth + 1, resources);
            }
        }
    }

    /** The value cut short, with anything unprintable as '?': what the caller sent is not trusted. */
    static String shown(String value) {
        String cut = value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
