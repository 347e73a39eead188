package dev.gatehouse.domain.ssoadmin;

import static dev.gatehouse.domain.DomainFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.portal.PageRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PermissionSetsTest extends SsoAdminTestBase {
    private final PermissionSets sets = admin.permissionSets();

    @Test
    void createStampsTheCallerAndIsInForceAtOnce() {
        PermissionSet p = sets.create(instance, "Billing", new PermissionSets.Settings(Optional.of("bills"),
                Optional.of("PT3H"), Optional.of("https://example.com/")), List.of(new Tag("team", "finance")), CALLER);
        assertThat(p.origin()).isEqualTo(Origin.API);
        assertThat(p.stamps()).isEqualTo(Stamps.made(fixture.clock.instant(), CALLER));
        assertThat(p.sessionDuration()).isEqualTo(Duration.ofHours(3));
        assertThat(p.tags()).isEqualTo(Map.of("team", "finance"));
        assertThat(fixture.directory.permissionSetByArn(p.arn())).contains(p);
        assertThat(secondInstance().directory().permissionSet("billing")).contains(p);
    }

    @Test
    void updateChangesOnlyWhatIsGiven() {
        PermissionSet p = sets.create(instance, "Ops", new PermissionSets.Settings(Optional.of("ops"), Optional.empty(),
                Optional.of("relay")), List.of(), CALLER);
        fixture.advance(Duration.ofMinutes(5));
        sets.update(instance, p.arn(), new PermissionSets.Settings(Optional.empty(), Optional.of("PT6H"),
                Optional.empty()), "AKIAOTHERCALLER00001");
        PermissionSet updated = sets.describe(instance, p.arn());
        assertThat(updated.sessionDuration()).isEqualTo(Duration.ofHours(6));
        assertThat(updated.description()).contains("ops");
        assertThat(updated.relayState()).contains("relay");
        assertThat(updated.stamps()).isEqualTo(p.stamps().changed(fixture.clock.instant(), "AKIAOTHERCALLER00001"));
    }

    @Test
    void namesAreCheckedAndUniqueWithoutRegardToCase() {
        create("Auditors");
        assertFails(ErrorCode.CONFLICT, () -> create("AUDITORS"));
        assertFails(ErrorCode.CONFLICT, () -> create("Admin"));
        assertFails(ErrorCode.INVALID_REQUEST, () -> create("two words"));
        assertFails(ErrorCode.INVALID_REQUEST, () -> create("x".repeat(33)));
        create("x".repeat(32));
    }

    @Test
    void theQuotaIsTwoThousandPerInstance() {
        int existing = fixture.directory.permissionSets().size();
        for (int i = existing; i < PermissionSets.QUOTA; i++) {
            create("Set" + i);
        }
        assertFails(ErrorCode.SERVICE_QUOTA_EXCEEDED, () -> create("OneTooMany"));
        assertThat(fixture.directory.permissionSets()).hasSize(PermissionSets.QUOTA);
    }

    @Test
    void anAssignedPermissionSetCannotBeDeleted() {
        PermissionSet read = fixture.directory.permissionSet("Read").orElseThrow();
        assertFails(ErrorCode.CONFLICT, () -> sets.delete(instance, read.arn()));
        PermissionSet unused = create("Unused");
        sets.delete(instance, unused.arn());
        assertThat(fixture.directory.permissionSetByArn(unused.arn())).isEmpty();
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> sets.delete(instance, unused.arn()));
    }

    @Test
    void theInstanceMustBeOurs() {
        assertFails(ErrorCode.ACCESS_DENIED, () -> sets.list("arn:aws:sso:::instance/ssoins-abcdefabcdefabcd",
                PageRequest.first()));
        assertFails(ErrorCode.INVALID_REQUEST, () -> sets.list(null, PageRequest.first()));
        try {
            sets.list("arn:aws:sso:::instance/x", PageRequest.first());
        } catch (InvalidMemberException e) {
            assertThat(e.member()).isEqualTo("instanceArn");
            assertThat(e.rule()).isInstanceOf(InvalidMemberException.Constraint.class);
        }
    }

    @Test
    void listPagesInArnOrder() {
        for (int i = 0; i < 4; i++) {
            create("P" + i);
        }
        var first = sets.list(instance, new PageRequest(Optional.empty(), 5));
        assertThat(first.items()).hasSize(5).isSorted();
        var second = sets.list(instance, new PageRequest(first.nextToken(), 5));
        assertThat(second.items()).hasSize(2).isSorted();
        assertThat(second.nextToken()).isEmpty();
        assertThat(second.items().getFirst()).isGreaterThan(first.items().getLast());
    }
}
