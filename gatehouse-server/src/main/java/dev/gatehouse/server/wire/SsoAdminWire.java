package dev.gatehouse.server.wire;

import dev.gatehouse.domain.directory.DirectoryIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** sso-admin's JSON shapes (awsJson1.1, members as the AWS model names them). */
public final class SsoAdminWire {
    private SsoAdminWire() {
    }

    /** ListInstances' output: this Gatehouse as the one ACTIVE instance. */
    public static Map<String, Object> instances(DirectoryIds ids) {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("InstanceArn", ids.instanceArn());
        instance.put("IdentityStoreId", ids.identityStoreId());
        instance.put("Name", "Gatehouse");
        instance.put("Status", "ACTIVE");
        return Map.of("Instances", List.of(instance));
    }
}
