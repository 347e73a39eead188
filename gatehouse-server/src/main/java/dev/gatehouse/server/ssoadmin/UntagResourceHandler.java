package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.ResourceTags;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin UntagResource: removes tags from a permission set by key. */
public final class UntagResourceHandler implements AdminOperation {
    private final ResourceTags tags;

    public UntagResourceHandler(ResourceTags tags) {
        this.tags = tags;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        tags.untag(SsoAdminWire.optionalText(input, "InstanceArn"), SsoAdminWire.text(input, "ResourceArn"),
                SsoAdminWire.strings(input, "TagKeys"), caller.accessKeyId());
        return SsoAdminWire.empty();
    }
}
