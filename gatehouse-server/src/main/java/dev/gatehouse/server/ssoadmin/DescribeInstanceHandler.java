package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.DirectoryIds;
import dev.gatehouse.domain.ssoadmin.InstanceScope;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin DescribeInstance: this Gatehouse's one instance, when the ARN names it. */
public final class DescribeInstanceHandler implements AdminOperation {
    private final InstanceScope scope;
    private final DirectoryIds ids;

    public DescribeInstanceHandler(InstanceScope scope, DirectoryIds ids) {
        this.scope = scope;
        this.ids = ids;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        scope.checkInstance(SsoAdminWire.instanceArn(input));
        return SsoAdminWire.instance(ids);
    }
}
