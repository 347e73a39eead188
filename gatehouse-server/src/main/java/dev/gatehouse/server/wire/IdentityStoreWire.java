package dev.gatehouse.server.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.directory.ExternalId;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.directory.Membership;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.identitystore.AlternateIdentifier;
import dev.gatehouse.domain.identitystore.AttributeOperation;
import dev.gatehouse.domain.identitystore.Filter;
import dev.gatehouse.domain.identitystore.Memberships.MembershipCheck;
import dev.gatehouse.domain.identitystore.Page;
import dev.gatehouse.domain.identitystore.UserProfile;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * identitystore's JSON (awsJson1.1): the request members the operations read, as the model names
 * them, and the output shapes ({@code User}, {@code Group}, {@code GroupMembership}, …) with absent
 * members left out and timestamps as epoch seconds. Documents ({@code AttributeValue}, extensions) are
 * read into plain values — maps, lists, strings, booleans and whole numbers — that the domain checks.
 */
public final class IdentityStoreWire {
    private static final String IDENTITY_STORE_ID = "IdentityStoreId";

    private IdentityStoreWire() {
    }

    // ---- input

    /** A string member, or null when absent or null. */
    public static String string(JsonNode input, String member) {
        return string(input, member, "");
    }

    /** A string member of a structure, named in errors by where it sits ({@code filters.member.}). */
    private static String string(JsonNode input, String member, String at) {
        // not echoed: identitystore's strings (user names, attribute values) are sensitive in its model
        return AwsJsonMembers.string(input, member, at + camel(member), false);
    }

    public static String identityStoreId(JsonNode input) {
        return string(input, IDENTITY_STORE_ID);
    }

    /** An integer member (MaxResults), or null. */
    public static Integer integer(JsonNode input, String member) {
        return AwsJsonMembers.integer(input, member, camel(member));
    }

    /** A list of strings (GroupIds, Extensions), or null. */
    public static List<String> strings(JsonNode input, String member) {
        return listOf(input, member, "a list of strings", item -> {
            if (!item.isTextual()) {
                throw InvalidMemberException.wrongType(camel(member), "a list of strings", null);
            }
            return item.textValue();
        });
    }

    /** CreateUser's profile: every profile member the model names, kept as sent. */
    public static Attributes profile(JsonNode input) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String member : UserProfile.MEMBERS) {
            JsonNode value = input.get(member);
            if (value != null && !value.isNull()) {
                values.put(member, document(value, camel(member)));
            }
        }
        return Attributes.of(values);
    }

    /** UpdateUser's and UpdateGroup's Operations, or null. */
    public static List<AttributeOperation> operations(JsonNode input) {
        return objects(input, "Operations", op -> {
            JsonNode value = op.get("AttributeValue");
            return new AttributeOperation(string(op, "AttributePath", "operations.member."),
                    value == null || value.isNull() ? null : document(value, "operations.member.attributeValue"));
        });
    }

    /** ListUsers' and ListGroups' Filters, or null. */
    public static List<Filter> filters(JsonNode input) {
        return objects(input, "Filters",
                filter -> new Filter(string(filter, "AttributePath", "filters.member."),
                        string(filter, "AttributeValue", "filters.member.")));
    }

    /** GetUserId's and GetGroupId's AlternateIdentifier: a union of ExternalId and UniqueAttribute. */
    public static AlternateIdentifier alternateIdentifier(JsonNode input) {
        JsonNode union = input.get("AlternateIdentifier");
        if (union == null || union.isNull()) {
            throw InvalidMemberException.missing("alternateIdentifier");
        }
        object(union, "alternateIdentifier");
        JsonNode external = union.get("ExternalId");
        JsonNode unique = union.get("UniqueAttribute");
        boolean hasExternal = external != null && !external.isNull();
        boolean hasUnique = unique != null && !unique.isNull();
        if (hasExternal == hasUnique) {
            throw new GatehouseException(ErrorCode.VALIDATION,
                    "AlternateIdentifier must name exactly one of ExternalId and UniqueAttribute");
        }
        if (hasExternal) {
            object(external, "alternateIdentifier.externalId");
            return new AlternateIdentifier.External(new ExternalId(
                    string(external, "Issuer", "alternateIdentifier.externalId."),
                    string(external, "Id", "alternateIdentifier.externalId.")));
        }
        object(unique, "alternateIdentifier.uniqueAttribute");
        JsonNode value = unique.get("AttributeValue");
        return new AlternateIdentifier.UniqueAttribute(
                string(unique, "AttributePath", "alternateIdentifier.uniqueAttribute."),
                value == null || value.isNull() ? null : document(value, "alternateIdentifier.uniqueAttribute"));
    }

    /** A MemberId union's UserId (the only kind of member there is), or null when absent. */
    public static String memberUserId(JsonNode input) {
        JsonNode member = input.get("MemberId");
        if (member == null || member.isNull()) {
            return null;
        }
        return string(object(member, "memberId"), "UserId", "memberId.");
    }

    // ---- output

    /** A user as DescribeUser and ListUsers show it; extensions only when asked for by name. */
    public static Map<String, Object> user(User user, String identityStoreId, List<String> extensions) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(IDENTITY_STORE_ID, identityStoreId);
        out.put("UserId", user.id());
        out.put("UserName", user.userName());
        putExternalIds(out, user.externalIds());
        Map<String, Object> profile = UserProfile.withExtensions(user.attributes(), extensions).asMap();
        for (String member : UserProfile.MEMBERS) {
            if (profile.containsKey(member)) {
                out.put(member, profile.get(member));
            }
        }
        out.put("UserStatus", "ENABLED");
        putStamps(out, user.stamps());
        return out;
    }

    public static Map<String, Object> group(Group group, String identityStoreId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("GroupId", group.id());
        out.put("DisplayName", group.displayName());
        putExternalIds(out, group.externalIds());
        group.description().ifPresent(d -> out.put("Description", d));
        putStamps(out, group.stamps());
        out.put(IDENTITY_STORE_ID, identityStoreId);
        return out;
    }

    public static Map<String, Object> membership(Membership membership, String identityStoreId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(IDENTITY_STORE_ID, identityStoreId);
        out.put("MembershipId", membership.id());
        out.put("GroupId", membership.groupId());
        out.put("MemberId", Map.of("UserId", membership.userId()));
        putStamps(out, membership.stamps());
        return out;
    }

    /** A page: the items under {@code member}, and NextToken when there are more. */
    public static <T> Map<String, Object> page(String member, Page<T> page, Function<T, Map<String, Object>> shape) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, page.items().stream().map(shape).toList());
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    /** The output of the operations that answer with an id and the identity store's id. */
    public static Map<String, Object> id(String member, String id, String identityStoreId) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(member, id);
        out.put(IDENTITY_STORE_ID, identityStoreId);
        return out;
    }

    /** IsMemberInGroups' Results. */
    public static Map<String, Object> membershipResults(String userId, List<MembershipCheck> checks) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (MembershipCheck check : checks) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("GroupId", check.groupId());
            result.put("MemberId", Map.of("UserId", userId));
            result.put("MembershipExists", check.member());
            results.add(result);
        }
        return Map.of("Results", results);
    }

    /** The empty output of the operations whose output has no members (DeleteUser, UpdateGroup, …). */
    public static Map<String, Object> empty() {
        return Map.of();
    }

    // ---- helpers

    private static void putExternalIds(Map<String, Object> out, List<ExternalId> externalIds) {
        if (!externalIds.isEmpty()) {
            out.put("ExternalIds", externalIds.stream()
                    .map(e -> Map.of("Issuer", e.issuer(), "Id", e.id())).toList());
        }
    }

    private static void putStamps(Map<String, Object> out, Stamps stamps) {
        out.put("CreatedAt", epochSeconds(stamps.createdAt()));
        out.put("CreatedBy", stamps.createdBy());
        out.put("UpdatedAt", epochSeconds(stamps.updatedAt()));
        out.put("UpdatedBy", stamps.updatedBy());
    }

    /** awsJson's timestamp: seconds since the epoch, to the millisecond. */
    static BigDecimal epochSeconds(Instant at) {
        return BigDecimal.valueOf(at.toEpochMilli(), 3);
    }

    /** A JSON document as plain values; numbers must be whole (what the directory can keep). */
    private static Object document(JsonNode node, String at) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNull()) {
                    map.put(field.getKey(), document(field.getValue(), at));
                }
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isNull()) {
                    items.add(document(item, at));
                }
            }
            return items;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        throw InvalidMemberException.wrongType(at, "a string, boolean, whole number, list or object", node.asText());
    }

    /** A list member whose entries are structures, each read by {@code read}; null when absent. */
    private static <T> List<T> objects(JsonNode input, String member, Function<JsonNode, T> read) {
        return listOf(input, member, "a list", entry -> read.apply(object(entry, camel(member) + ".member")));
    }

    /** A list member, each entry read by {@code read}; null when absent or null. */
    private static <T> List<T> listOf(JsonNode input, String member, String expected, Function<JsonNode, T> read) {
        JsonNode node = input.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw InvalidMemberException.wrongType(camel(member), expected, null);
        }
        List<T> result = new ArrayList<>();
        for (JsonNode entry : node) {
            result.add(read.apply(entry));
        }
        return result;
    }

    private static JsonNode object(JsonNode node, String at) {
        if (!node.isObject()) {
            throw InvalidMemberException.wrongType(at, "an object", null);
        }
        return node;
    }

    private static String camel(String member) {
        return AwsJsonMembers.camel(member);
    }
}
