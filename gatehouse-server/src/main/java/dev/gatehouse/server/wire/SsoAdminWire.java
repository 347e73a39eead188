package dev.gatehouse.server.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.directory.Assignment;
import dev.gatehouse.domain.directory.DirectoryIds;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.PermissionSet.Boundary;
import dev.gatehouse.domain.directory.PermissionSet.PolicyReference;
import dev.gatehouse.domain.directory.RequestStatus;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.portal.Page;
import dev.gatehouse.domain.portal.PageRequest;
import dev.gatehouse.domain.ssoadmin.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * sso-admin's JSON shapes (awsJson1.1): input members read by the names the AWS model gives them (a
 * member of the wrong JSON type is a ValidationException naming it in lower camel case, as AWS's
 * validator does), output members written by those names, timestamps as epoch seconds, absent members
 * left out, lists paged by NextToken and MaxResults.
 */
public final class SsoAdminWire {
    private SsoAdminWire() {
    }

    // ---- input

    /** A string member, or null when absent (the domain says whether it is required). */
    public static String text(JsonNode input, String member) {
        return text(input, member, "");
    }

    /** A string member of a structure, named in errors by where it sits ({@code tags.member.}). */
    private static String text(JsonNode input, String member, String at) {
        return AwsJsonMembers.string(input, member, at + camel(member), true);
    }

    public static Optional<String> optionalText(JsonNode input, String member) {
        return Optional.ofNullable(text(input, member));
    }

    public static String instanceArn(JsonNode input) {
        return text(input, "InstanceArn");
    }

    public static String permissionSetArn(JsonNode input) {
        return text(input, "PermissionSetArn");
    }

    /** NextToken and MaxResults (1..100, default {@value PageRequest#DEFAULT_PAGE_SIZE}). */
    public static PageRequest page(JsonNode input) {
        Integer max = AwsJsonMembers.integer(input, "MaxResults", "maxResults");
        return new PageRequest(optionalText(input, "NextToken"), max == null ? PageRequest.DEFAULT_PAGE_SIZE : max);
    }

    /** A member of the input's {@code Filter}: the Status or the AccountId the operation's filter holds. */
    public static Optional<String> filter(JsonNode input, String member) {
        return Optional.ofNullable(text(object(input, "Filter"), member, "filter."));
    }

    /** A TagList: {@code [{"Key": .., "Value": ..}]}; absent is empty. */
    public static List<Tag> tags(JsonNode input, String member) {
        List<Tag> tags = new ArrayList<>();
        for (JsonNode item : list(input, member)) {
            if (!item.isObject()) {
                throw InvalidMemberException.wrongType(camel(member), "a list of tags", item.toString());
            }
            String at = camel(member) + ".member.";
            tags.add(new Tag(text(item, "Key", at), text(item, "Value", at)));
        }
        return tags;
    }

    /** A list of strings; absent is empty. */
    public static List<String> strings(JsonNode input, String member) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : list(input, member)) {
            if (!item.isTextual()) {
                throw InvalidMemberException.wrongType(camel(member), "a list of strings", item.toString());
            }
            values.add(item.textValue());
        }
        return values;
    }

    /** A CustomerManagedPolicyReference ({@code Name}, {@code Path}), or null when absent. */
    public static PolicyReference reference(JsonNode input, String member) {
        return reference(input, member, "");
    }

    private static PolicyReference reference(JsonNode input, String member, String at) {
        JsonNode node = input.get(member);
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode ref = object(input, member, at);
        String inside = at + camel(member) + ".";
        return new PolicyReference(text(ref, "Name", inside), text(ref, "Path", inside));
    }

    /** A PermissionsBoundary; its two members as given (the domain checks that exactly one is). */
    public static Boundary boundary(JsonNode input) {
        JsonNode node = object(input, "PermissionsBoundary");
        if (node.isEmpty() && !input.has("PermissionsBoundary")) {
            throw InvalidMemberException.missing("permissionsBoundary");
        }
        return new Boundary(Optional.ofNullable(text(node, "ManagedPolicyArn", "permissionsBoundary.")),
                Optional.ofNullable(reference(node, "CustomerManagedPolicyReference", "permissionsBoundary.")));
    }

    private static JsonNode object(JsonNode input, String member) {
        return object(input, member, "");
    }

    private static JsonNode object(JsonNode input, String member, String at) {
        JsonNode node = input.get(member);
        if (node == null || node.isNull()) {
            return Json.MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw InvalidMemberException.wrongType(at + camel(member), "a structure", node.toString());
        }
        return node;
    }

    private static Iterable<JsonNode> list(JsonNode input, String member) {
        JsonNode node = input.get(member);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw InvalidMemberException.wrongType(camel(member), "a list", node.toString());
        }
        return node;
    }

    private static String camel(String member) {
        return AwsJsonMembers.camel(member);
    }

    // ---- output

    /** ListInstances' output: this Gatehouse as the one ACTIVE instance. */
    public static Map<String, Object> instances(DirectoryIds ids) {
        return Map.of("Instances", List.of(instance(ids)));
    }

    /** DescribeInstance's output (the same members as ListInstances' InstanceMetadata). */
    public static Map<String, Object> instance(DirectoryIds ids) {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("InstanceArn", ids.instanceArn());
        instance.put("IdentityStoreId", ids.identityStoreId());
        instance.put("Name", "Gatehouse");
        instance.put("Status", "ACTIVE");
        return instance;
    }

    public static Map<String, Object> permissionSet(PermissionSet p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", p.name());
        m.put("PermissionSetArn", p.arn());
        p.description().ifPresent(d -> m.put("Description", d));
        m.put("CreatedDate", epochSeconds(p.stamps().createdAt()));
        m.put("SessionDuration", p.sessionDuration().toString());
        p.relayState().ifPresent(r -> m.put("RelayState", r));
        return m;
    }

    /** An AccountAssignmentOperationStatus. */
    public static Map<String, Object> assignmentStatus(RequestStatus s) {
        Map<String, Object> m = statusMetadata(s);
        s.failureReason().ifPresent(f -> m.put("FailureReason", f));
        s.accountId().ifPresent(a -> {
            m.put("TargetId", a);
            m.put("TargetType", "AWS_ACCOUNT");
        });
        m.put("PermissionSetArn", s.permissionSetArn());
        s.principalType().ifPresent(t -> m.put("PrincipalType", t.name()));
        s.principalId().ifPresent(p -> m.put("PrincipalId", p));
        return m;
    }

    /** A PermissionSetProvisioningStatus. */
    public static Map<String, Object> provisioningStatus(RequestStatus s) {
        Map<String, Object> m = statusMetadata(s);
        s.accountId().ifPresent(a -> m.put("AccountId", a));
        m.put("PermissionSetArn", s.permissionSetArn());
        s.failureReason().ifPresent(f -> m.put("FailureReason", f));
        return m;
    }

    /** The members every status list shows: Status, RequestId, CreatedDate. */
    public static Map<String, Object> statusMetadata(RequestStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Status", s.status().name());
        m.put("RequestId", s.requestId());
        m.put("CreatedDate", epochSeconds(s.createdAt()));
        return m;
    }

    public static Map<String, Object> assignment(Assignment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("AccountId", a.accountId());
        m.put("PermissionSetArn", a.permissionSetArn());
        m.put("PrincipalType", a.principalType().name());
        m.put("PrincipalId", a.principalId());
        return m;
    }

    public static Map<String, Object> tag(Tag t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Key", t.key());
        m.put("Value", t.value());
        return m;
    }

    /** An AttachedManagedPolicy: the policy's name is the last part of its ARN. */
    public static Map<String, Object> managedPolicy(String arn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", arn.substring(arn.lastIndexOf('/') + 1));
        m.put("Arn", arn);
        return m;
    }

    public static Map<String, Object> reference(PolicyReference r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", r.name());
        m.put("Path", r.path());
        return m;
    }

    public static Map<String, Object> boundary(Boundary b) {
        Map<String, Object> m = new LinkedHashMap<>();
        b.customerManaged().ifPresent(r -> m.put("CustomerManagedPolicyReference", reference(r)));
        b.managedPolicyArn().ifPresent(a -> m.put("ManagedPolicyArn", a));
        return m;
    }

    /** One page: its items under {@code member}, and NextToken when there is more. */
    public static <T> Map<String, Object> page(String member, Page<T> page, Function<T, Object> item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(member, page.items().stream().map(item).toList());
        page.nextToken().ifPresent(t -> m.put("NextToken", t));
        return m;
    }

    /** The one-member output {@code {"member": value}}. */
    public static Map<String, Object> of(String member, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(member, value);
        return m;
    }

    /** An empty output: {@code {}}. */
    public static Map<String, Object> empty() {
        return Map.of();
    }

    /** A timestamp as awsJson1.1 sends it: epoch seconds, with milliseconds as a fraction. */
    static BigDecimal epochSeconds(Instant at) {
        return BigDecimal.valueOf(at.toEpochMilli(), 3);
    }
}
