package dev.gatehouse.domain.ssoadmin;

import dev.gatehouse.domain.DomainFixture;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryIds;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.store.InMemoryStore;
import java.util.List;
import java.util.Optional;

/** sso-admin's use cases on the domain fixture (in-memory store, hand-moved clock); the caller is one admin key. */
abstract class SsoAdminTestBase {
    static final String CALLER = "AKIATESTCALLER000001";

    final DomainFixture fixture = new DomainFixture();
    final SsoAdmin admin = SsoAdmin.create(fixture.gatehouse.liveDirectory(), fixture.clock);
    final String instance = fixture.directory.ids().instanceArn();

    PermissionSet create(String name) {
        return admin.permissionSets().create(instance, name, new PermissionSets.Settings(Optional.empty(),
                Optional.empty(), Optional.empty()), List.of(), CALLER);
    }

    /** A second Gatehouse instance's live directory on the same store, loaded now. */
    LiveDirectory secondInstance() {
        Directory directory = new Directory(fixture.file.region(), fixture.file.signInSessionDuration(),
                fixture.file.browserIdleTimeout(), fixture.file.accounts(), new DirectoryIds(fixture.store.instanceKey()));
        LiveDirectory live = new LiveDirectory(directory, new InMemoryStore(fixture.store.data()), fixture.clock);
        live.reload();
        return live;
    }
}
