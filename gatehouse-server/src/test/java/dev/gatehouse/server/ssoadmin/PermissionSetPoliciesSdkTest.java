package dev.gatehouse.server.ssoadmin;

import static dev.gatehouse.server.ssoadmin.SsoAdminFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.ConflictException;
import software.amazon.awssdk.services.ssoadmin.model.CustomerManagedPolicyReference;
import software.amazon.awssdk.services.ssoadmin.model.PermissionsBoundary;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.ssoadmin.model.ValidationException;

/** The policies of a permission set, kept and returned as given, through the stock SDK. */
class PermissionSetPoliciesSdkTest {
    private static final String POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    @TempDir
    Path dataDir;
    SsoAdminFixture fixture;
    SsoAdminClient admin;
    String instance;
    String arn;

    @BeforeEach
    void start() {
        fixture = new SsoAdminFixture(dataDir);
        admin = fixture.admin;
        instance = fixture.instanceArn;
        arn = fixture.createPermissionSet("WithPolicies", null).permissionSetArn();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theInlinePolicyIsKeptAsGivenAndRemoved() {
        assertThat(admin.getInlinePolicyForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
                .inlinePolicy()).isNull();
        admin.putInlinePolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn).inlinePolicy(POLICY));
        assertThat(admin.getInlinePolicyForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
                .inlinePolicy()).isEqualTo(POLICY);
        admin.deleteInlinePolicyFromPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn));
        assertThat(admin.getInlinePolicyForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
                .inlinePolicy()).isNull();

        String big = "{\"Sid\":\"" + "x".repeat(10_240) + "\"}";
        assertFails(ServiceQuotaExceededException.class, "10240 bytes", () -> admin.putInlinePolicyToPermissionSet(r -> r
                .instanceArn(instance).permissionSetArn(arn).inlinePolicy(big)));
        assertFails(ValidationException.class, "'inlinePolicy'", () -> admin.putInlinePolicyToPermissionSet(r -> r
                .instanceArn(instance).permissionSetArn(arn)));
    }

    @Test
    void managedPoliciesAreAttachedListedInOrderAndDetached() {
        List<String> arns = List.of("arn:aws:iam::aws:policy/ReadOnlyAccess",
                "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "arn:aws:iam::aws:policy/AWSBillingReadOnlyAccess");
        arns.forEach(p -> admin.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                .managedPolicyArn(p)));
        List<AttachedManagedPolicy> listed = admin.listManagedPoliciesInPermissionSetPaginator(r -> r
                .instanceArn(instance).permissionSetArn(arn).maxResults(2)).attachedManagedPolicies().stream().toList();
        assertThat(listed).extracting(AttachedManagedPolicy::arn).containsExactlyElementsOf(arns);
        assertThat(listed).extracting(AttachedManagedPolicy::name)
                .containsExactly("ReadOnlyAccess", "ViewOnlyAccess", "AWSBillingReadOnlyAccess");

        assertFails(ConflictException.class, "already attached", () -> admin.attachManagedPolicyToPermissionSet(r -> r
                .instanceArn(instance).permissionSetArn(arn).managedPolicyArn(arns.getFirst())));
        admin.detachManagedPolicyFromPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                .managedPolicyArn(arns.get(1)));
        assertFails(ResourceNotFoundException.class, "not attached", () -> admin.detachManagedPolicyFromPermissionSet(
                r -> r.instanceArn(instance).permissionSetArn(arn).managedPolicyArn(arns.get(1))));
        assertThat(admin.listManagedPoliciesInPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
                .attachedManagedPolicies()).extracting(AttachedManagedPolicy::arn).containsExactly(arns.get(0), arns.get(2));
        assertFails(ValidationException.class, "'managedPolicyArn'", () -> admin.attachManagedPolicyToPermissionSet(
                r -> r.instanceArn(instance).permissionSetArn(arn).managedPolicyArn("arn:aws:iam::123456789012:policy/Mine")));
    }

    @Test
    void customerManagedReferencesAreAttachedWithTheirPathAndCountTowardsTwenty() {
        admin.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                .customerManagedPolicyReference(c -> c.name("Deployer")));
        admin.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                .customerManagedPolicyReference(c -> c.name("Deployer").path("/ci/")));
        assertThat(admin.listCustomerManagedPolicyReferencesInPermissionSetPaginator(r -> r.instanceArn(instance)
                .permissionSetArn(arn).maxResults(1)).customerManagedPolicyReferences())
                .extracting(CustomerManagedPolicyReference::name, CustomerManagedPolicyReference::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Deployer", "/"),
                        org.assertj.core.groups.Tuple.tuple("Deployer", "/ci/"));
        assertFails(ConflictException.class, "already attached", () -> admin
                .attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                        .customerManagedPolicyReference(c -> c.name("Deployer").path("/"))));

        for (int i = 0; i < 18; i++) {
            String name = "Managed" + i;
            admin.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                    .managedPolicyArn("arn:aws:iam::aws:policy/" + name));
        }
        assertFails(ServiceQuotaExceededException.class, "at most 20", () -> admin
                .attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                        .customerManagedPolicyReference(c -> c.name("OneTooMany"))));
        assertFails(ServiceQuotaExceededException.class, "at most 20", () -> admin.attachManagedPolicyToPermissionSet(
                r -> r.instanceArn(instance).permissionSetArn(arn).managedPolicyArn("arn:aws:iam::aws:policy/OneTooMany")));

        admin.detachCustomerManagedPolicyReferenceFromPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                .customerManagedPolicyReference(c -> c.name("Deployer").path("/ci/")));
        assertFails(ResourceNotFoundException.class, "not attached", () -> admin
                .detachCustomerManagedPolicyReferenceFromPermissionSet(r -> r.instanceArn(instance)
                        .permissionSetArn(arn).customerManagedPolicyReference(c -> c.name("Deployer").path("/ci/"))));
        assertFails(ValidationException.class, "'customerManagedPolicyReference.path'", () -> admin
                .attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                        .customerManagedPolicyReference(c -> c.name("Bad").path("no-slashes"))));
    }

    @Test
    void thePermissionsBoundaryIsOneOfTwoKindsAndCanBeRemoved() {
        assertFails(ResourceNotFoundException.class, "no permissions boundary", () -> admin
                .getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)));
        admin.putPermissionsBoundaryToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                .permissionsBoundary(b -> b.customerManagedPolicyReference(c -> c.name("Fence").path("/limits/"))));
        PermissionsBoundary boundary = admin.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instance)
                .permissionSetArn(arn)).permissionsBoundary();
        assertThat(boundary.customerManagedPolicyReference().name()).isEqualTo("Fence");
        assertThat(boundary.customerManagedPolicyReference().path()).isEqualTo("/limits/");
        assertThat(boundary.managedPolicyArn()).isNull();

        admin.putPermissionsBoundaryToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                .permissionsBoundary(b -> b.managedPolicyArn("arn:aws:iam::aws:policy/PowerUserAccess")));
        assertThat(admin.getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
                .permissionsBoundary().managedPolicyArn()).isEqualTo("arn:aws:iam::aws:policy/PowerUserAccess");

        assertFails(ValidationException.class, "exactly one", () -> admin.putPermissionsBoundaryToPermissionSet(r -> r
                .instanceArn(instance).permissionSetArn(arn).permissionsBoundary(b -> b
                        .managedPolicyArn("arn:aws:iam::aws:policy/PowerUserAccess")
                        .customerManagedPolicyReference(c -> c.name("Fence")))));
        admin.deletePermissionsBoundaryFromPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn));
        assertFails(ResourceNotFoundException.class, "no permissions boundary", () -> admin
                .getPermissionsBoundaryForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)));
    }

    @Test
    void policiesSurviveARestartOnTheSameStore() {
        admin.putInlinePolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn).inlinePolicy(POLICY));
        admin.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn)
                .managedPolicyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
        fixture.close();
        fixture = new SsoAdminFixture(dataDir);
        admin = fixture.admin;
        assertThat(admin.getInlinePolicyForPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
                .inlinePolicy()).isEqualTo(POLICY);
        assertThat(admin.listManagedPoliciesInPermissionSet(r -> r.instanceArn(instance).permissionSetArn(arn))
                .attachedManagedPolicies()).extracting(AttachedManagedPolicy::arn)
                .containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
    }
}
