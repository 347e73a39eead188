package dev.gatehouse.domain.ssoadmin;

import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.portal.Page;
import dev.gatehouse.domain.portal.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * sso-admin's TagResource, UntagResource and ListTagsForResource on permission sets: at most
 * {@value #MAX_TAGS} tags each (more is ServiceQuotaExceededException), keys compared exactly, a tag
 * given again replacing its value.
 */
public final class ResourceTags {
    public static final int MAX_TAGS = 50;
    /** The model's bound on the tags of one call. */
    static final int MAX_PER_CALL = 75;

    private final InstanceScope scope;

    public ResourceTags(InstanceScope scope) {
        this.scope = scope;
    }

    public void tag(Optional<String> instanceArn, String resourceArn, List<Tag> tags, String caller) {
        List<Tag> checked = checked("tags", tags);
        scope.change(() -> {
            PermissionSet p = resource(instanceArn, resourceArn);
            Map<String, String> merged = merge(p.tags(), checked);
            scope.write(List.of(p.withTags(merged, p.stamps().changed(scope.now(), caller))), List.of());
            return null;
        });
    }

    public void untag(Optional<String> instanceArn, String resourceArn, List<String> keys, String caller) {
        if (keys == null || keys.isEmpty()) {
            throw InvalidMemberException.missing("tagKeys");
        }
        if (keys.size() > MAX_PER_CALL) {
            throw InvalidMemberException.tooLong("tagKeys", MAX_PER_CALL);
        }
        keys.forEach(k -> ModelShape.TAG_KEY.require("tagKeys.member", k));
        scope.change(() -> {
            PermissionSet p = resource(instanceArn, resourceArn);
            Map<String, String> left = new TreeMap<>(p.tags());
            keys.forEach(left::remove);
            if (!left.equals(p.tags())) {
                scope.write(List.of(p.withTags(left, p.stamps().changed(scope.now(), caller))), List.of());
            }
            return null;
        });
    }

    public Page<Tag> list(Optional<String> instanceArn, String resourceArn, Optional<String> nextToken) {
        PermissionSet p = resource(instanceArn, resourceArn);
        return new PageRequest(nextToken, PageRequest.MAX_PAGE_SIZE).apply(asList(p.tags()), Tag::key);
    }

    /** The tags of a call, each checked against the model; none is fine. */
    static List<Tag> checked(String member, List<Tag> tags) {
        if (tags.size() > MAX_PER_CALL) {
            throw InvalidMemberException.tooLong(member, MAX_PER_CALL);
        }
        for (Tag t : tags) {
            ModelShape.TAG_KEY.require(member + ".member.key", t.key());
            ModelShape.TAG_VALUE.require(member + ".member.value", t.value());
        }
        return tags;
    }

    /** {@code current} with {@code added} put in, within the quota. */
    static Map<String, String> merge(Map<String, String> current, List<Tag> added) {
        Map<String, String> merged = new TreeMap<>(current);
        added.forEach(t -> merged.put(t.key(), t.value()));
        if (merged.size() > MAX_TAGS) {
            throw new GatehouseException(ErrorCode.SERVICE_QUOTA_EXCEEDED, "A permission set can have at most "
                    + MAX_TAGS + " tags; this would make " + merged.size());
        }
        return merged;
    }

    /**
     * The permission set {@code resourceArn} names. The instance itself is a taggable resource in the
     * model, but this instance keeps no tags of its own: tagging it is refused.
     */
    private PermissionSet resource(Optional<String> instanceArn, String resourceArn) {
        ModelShape.TAGGABLE_ARN.require("resourceArn", resourceArn);
        String instance = instanceArn.orElseGet(() -> scope.directory().ids().instanceArn());
        if (!resourceArn.contains(":permissionSet/")) {
            scope.checkInstance(instance);
            throw new GatehouseException(ErrorCode.VALIDATION, "Only permission sets can be tagged on this instance; "
                    + resourceArn + " is not a permission set");
        }
        return scope.permissionSet(instance, resourceArn);
    }

    static List<Tag> asList(Map<String, String> tags) {
        List<Tag> out = new ArrayList<>();
        new TreeMap<>(tags).forEach((k, v) -> out.add(new Tag(k, v)));
        return out;
    }
}
