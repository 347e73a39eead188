package dev.gatehouse.server.ssoadmin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.DirectoryIds;
import dev.gatehouse.server.admin.AdminOperation;
import dev.gatehouse.server.wire.SsoAdminWire;

/** sso-admin ListInstances: the one instance this Gatehouse is, with its identity store. */
public final class ListInstancesHandler implements AdminOperation {
    private final DirectoryIds ids;

    public ListInstancesHandler(DirectoryIds ids) {
        this.ids = ids;
    }

    @Override
    public Object handle(JsonNode input, AdminCaller caller) {
        return SsoAdminWire.instances(ids);
    }
}
