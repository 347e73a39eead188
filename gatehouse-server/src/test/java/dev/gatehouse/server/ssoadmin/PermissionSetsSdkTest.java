package dev.gatehouse.server.ssoadmin;

import static dev.gatehouse.server.ssoadmin.SsoAdminFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.server.TestDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccessDeniedException;
import software.amazon.awssdk.services.ssoadmin.model.ConflictException;
import software.amazon.awssdk.services.ssoadmin.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.ssoadmin.model.InstanceStatus;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ssoadmin.model.Tag;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;
import software.amazon.awssdk.services.ssoadmin.model.ValidationException;

/** sso-admin's instance, permission set and tag operations as the stock AWS SDK for Java v2 sees them. */
class PermissionSetsSdkTest {
    @TempDir
    Path dataDir;
    SsoAdminFixture fixture;
    SsoAdminClient admin;
    String instance;

    @BeforeEach
    void start() {
        fixture = new SsoAdminFixture(dataDir);
        admin = fixture.admin;
        instance = fixture.instanceArn;
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theInstanceIsListedAndDescribed() {
        var listed = admin.listInstances(r -> { }).instances();
        assertThat(listed).hasSize(1);
        assertThat(listed.getFirst().instanceArn()).matches("arn:aws:sso:::instance/ssoins-[0-9a-f]{16}");
        assertThat(listed.getFirst().identityStoreId()).matches("d-[0-9a-f]{10}");
        DescribeInstanceResponse described = admin.describeInstance(r -> r.instanceArn(instance));
        assertThat(described.instanceArn()).isEqualTo(instance);
        assertThat(described.identityStoreId()).isEqualTo(listed.getFirst().identityStoreId());
        assertThat(described.status()).isEqualTo(InstanceStatus.ACTIVE);
        assertFails(AccessDeniedException.class, "ssoins-0000000000000000",
                () -> admin.describeInstance(r -> r.instanceArn("arn:aws:sso:::instance/ssoins-0000000000000000")));
        assertFails(ValidationException.class, "Member must satisfy regular expression pattern",
                () -> admin.describeInstance(r -> r.instanceArn("arn:aws:sso:::instance/nope")));
    }

    @Test
    void aPermissionSetIsCreatedDescribedUpdatedAndDeleted() {
        Instant before = fixture.service.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PermissionSet created = admin.createPermissionSet(r -> r.instanceArn(instance).name("Billing")
                .description("Reads the bills").sessionDuration("PT8H").relayState("https://console.aws.amazon.com/billing")
                .tags(Tag.builder().key("team").value("finance").build())).permissionSet();
        assertThat(created.permissionSetArn()).startsWith(instance.replace(":instance/", ":permissionSet/") + "/ps-");
        assertThat(created.name()).isEqualTo("Billing");
        assertThat(created.sessionDuration()).isEqualTo("PT8H");
        assertThat(created.createdDate()).isEqualTo(before);
        String arn = created.permissionSetArn();

        PermissionSet described = admin.describePermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
                .permissionSet();
        assertThat(described).isEqualTo(created);
        assertThat(fixture.service.gatehouse.directory().permissionSetByArn(arn).orElseThrow().stamps().createdBy())
                .isEqualTo(TestDirectory.ADMIN_KEY_ID);

        admin.updatePermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn).sessionDuration("PT90M"));
        PermissionSet updated = admin.describePermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
                .permissionSet();
        assertThat(updated.sessionDuration()).isEqualTo("PT1H30M");
        assertThat(updated.description()).isEqualTo("Reads the bills");
        assertThat(updated.relayState()).isEqualTo("https://console.aws.amazon.com/billing");

        admin.deletePermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn));
        assertFails(ResourceNotFoundException.class, arn,
                () -> admin.describePermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)));
        assertThat(admin.listPermissionSetsPaginator(r -> r.instanceArn(instance)).permissionSets()).doesNotContain(arn);
    }

    @Test
    void absentMembersAreLeftOutAndTheDefaultDurationIsOneHour() {
        PermissionSet created = fixture.createPermissionSet("Plain", null);
        assertThat(created.description()).isNull();
        assertThat(created.relayState()).isNull();
        assertThat(created.sessionDuration()).isEqualTo("PT1H");
    }

    @Test
    void theListPaginatorWalksEveryPage() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(fixture.createPermissionSet("Paged" + i, "PT2H").permissionSetArn());
        }
        var first = admin.listPermissionSets(r -> r.instanceArn(instance).maxResults(3));
        assertThat(first.permissionSets()).hasSize(3);
        assertThat(first.nextToken()).isNotBlank();
        List<String> all = admin.listPermissionSetsPaginator(r -> r.instanceArn(instance).maxResults(2))
                .permissionSets().stream().toList();
        assertThat(all).hasSize(9).doesNotHaveDuplicates().isSorted().containsAll(made);
        assertFails(ValidationException.class, "maxResults",
                () -> admin.listPermissionSets(r -> r.instanceArn(instance).maxResults(101)));
    }

    @Test
    void namesAreUniqueWithoutRegardToCase() {
        fixture.createPermissionSet("Auditors", "PT1H");
        assertFails(ConflictException.class, "auditors", () -> fixture.createPermissionSet("auditors", "PT1H"));
        assertFails(ConflictException.class, "ReadOnlyAccess", () -> fixture.createPermissionSet("ReadOnlyAccess", null));
    }

    @Test
    void inputOutsideTheModelIsAValidationException() {
        assertFails(ValidationException.class, "Value null at 'name' failed to satisfy constraint",
                () -> admin.createPermissionSet(r -> r.instanceArn(instance)));
        assertFails(ValidationException.class, "at 'name' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: [\\w+=,.@-]+", () -> fixture.createPermissionSet("no spaces", null));
        assertFails(ValidationException.class, "have length less than or equal to 32",
                () -> fixture.createPermissionSet("N".repeat(33), null));
        assertFails(ValidationException.class, "between PT1H and PT12H", () -> fixture.createPermissionSet("Long", "PT13H"));
        assertFails(ValidationException.class, "between PT1H and PT12H", () -> fixture.createPermissionSet("Short", "PT59M"));
        assertFails(ValidationException.class, "between PT1H and PT12H", () -> fixture.createPermissionSet("Month", "P1M"));
        assertFails(ValidationException.class, "'sessionDuration'", () -> fixture.createPermissionSet("Words", "3 hours"));
        assertFails(ValidationException.class, "'relayState'", () -> admin.createPermissionSet(r -> r.instanceArn(instance)
                .name("Relay").relayState("<script>")));
        assertFails(ValidationException.class, "'description'", () -> admin.createPermissionSet(r -> r
                .instanceArn(instance).name("Desc").description("d".repeat(701))));
        assertThat(fixture.service.gatehouse.directory().permissionSet("Long")).isEmpty();
    }

    @Test
    void aPermissionSetStillAssignedCannotBeDeleted() {
        String arn = fixture.createPermissionSet("InUse", null).permissionSetArn();
        admin.createAccountAssignment(r -> r.instanceArn(instance).permissionSetArn(arn)
                .targetType(TargetType.AWS_ACCOUNT).targetId(TestDirectory.DEV)
                .principalType(PrincipalType.USER).principalId(fixture.userId("bob")));
        assertFails(ConflictException.class, TestDirectory.DEV,
                () -> admin.deletePermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)));
        assertThat(admin.describePermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)).permissionSet().name())
                .isEqualTo("InUse");
    }

    @Test
    void anotherInstancesArnIsRefused() {
        String other = "arn:aws:sso:::instance/ssoins-1111111111111111";
        assertFails(AccessDeniedException.class, other,
                () -> admin.createPermissionSet(r -> r.instanceArn(other).name("Elsewhere")));
        assertFails(AccessDeniedException.class, other, () -> admin.listPermissionSets(r -> r.instanceArn(other)));
    }

    @Test
    void tagsAreAddedReplacedListedAndRemoved() {
        String arn = admin.createPermissionSet(r -> r.instanceArn(instance).name("Tagged")
                .tags(Tag.builder().key("env").value("prod").build())).permissionSet().permissionSetArn();
        admin.tagResource(r -> r.instanceArn(instance).resourceArn(arn).tags(
                Tag.builder().key("env").value("dev").build(), Tag.builder().key("cost-center").value("42").build()));
        assertThat(admin.listTagsForResourcePaginator(r -> r.instanceArn(instance).resourceArn(arn)).tags())
                .extracting(Tag::key, Tag::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cost-center", "42"),
                        org.assertj.core.groups.Tuple.tuple("env", "dev"));
        admin.untagResource(r -> r.instanceArn(instance).resourceArn(arn).tagKeys("env"));
        assertThat(admin.listTagsForResource(r -> r.resourceArn(arn)).tags()).extracting(Tag::key)
                .containsExactly("cost-center");

        List<Tag> many = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            many.add(Tag.builder().key("k" + i).value("v").build());
        }
        assertFails(ServiceQuotaExceededException.class, "at most 50 tags",
                () -> admin.tagResource(r -> r.instanceArn(instance).resourceArn(arn).tags(many)));
        assertFails(ResourceNotFoundException.class, "ps-0000000000000000",
                () -> admin.listTagsForResource(r -> r.instanceArn(instance)
                        .resourceArn(instance.replace(":instance/", ":permissionSet/") + "/ps-0000000000000000")));
        assertFails(ValidationException.class, "'tags.member.key'",
                () -> admin.tagResource(r -> r.resourceArn(arn).tags(Tag.builder().key("").value("x").build())));
    }
}
