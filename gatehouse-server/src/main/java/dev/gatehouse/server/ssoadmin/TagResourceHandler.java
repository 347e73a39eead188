package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.ResourceTags;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin TagResource: adds tags to a permission set, replacing the values of keys it has. */
public final class TagResourceHandler implements AdminOperation {
    private final ResourceTags tags;

    public TagResourceHandler(ResourceTags tags) {
        this.tags = tags;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        tags.tag(SsoAdminWire.optionalText(input, "InstanceArn"), SsoAdminWire.text(input, "ResourceArn"),
                SsoAdminWire.tags(input, "Tags"), caller.accessKeyId());
        return SsoAdminWire.empty();
    }
}
