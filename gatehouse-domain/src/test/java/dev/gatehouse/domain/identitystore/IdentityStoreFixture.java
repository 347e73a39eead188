package dev.gatehouse.domain.identitystore;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.admin.AdminCaller;
import dev.gatehouse.domain.directory.Attributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The identity store over {@link DomainFixture}'s directory (ann in group ops, bob),
        and profiles to make users with. */
final class IdentityStoreFixture {
    static final AdminCaller ADMIN = new AdminCaller("AKIAIDENTITYSTORE001");
    static final AdminCaller OTHER_ADMIN = new AdminCaller("AKIAIDENTITYSTORE002");

    final DomainFixture domain = new DomainFixture();
    final IdentityStore identityStore;
    final String storeId;

    IdentityStoreFixture() {
        this(Quotas.AWS);
    }

    IdentityStoreFixture(Quotas quotas) {
        identityStore = new IdentityStore(domain.gatehouse.liveDirectory(), domain.gatehouse.sessions(), domain.clock, quotas);
        storeId = identityStore.id();
    }

    /** The profile every user needs (display, given and family name) and one primary work e-mail. */
    static Attributes profile(String displayName, String email) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("DisplayName", displayName);
        values.put("Name", Map.of("GivenName", displayName, "FamilyName", "Example"));
        values.put("Emails", List.of(Map.of("Value", email, "Type", "work", "Primary", true)));
        return Attributes.of(values);
    }

    String createUser(String userName) {
        return identityStore.users().create(ADMIN, storeId, userName, profile(userName, userName + "@example.com"));
    }

    String createGroup(String displayName) {
        return identityStore.groups().create(ADMIN, storeId, displayName, null);
    }

    long version() {
        return domain.gatehouse.liveDirectory().version();
    }
}
