package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.ssoadmin.ResourceTags;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin ListTagsForResource: a permission set's tags, in key order. */
public final class ListTagsForResourceHandler implements AdminOperation {
    private final ResourceTags tags;

    public ListTagsForResourceHandler(ResourceTags tags) {
        this.tags = tags;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.page("Tags", tags.list(SsoAdminWire.optionalText(input, "InstanceArn"),
                SsoAdminWire.text(input, "ResourceArn"), SsoAdminWire.optionalText(input, "NextToken")),
                SsoAdminWire::tag);
    }
}
