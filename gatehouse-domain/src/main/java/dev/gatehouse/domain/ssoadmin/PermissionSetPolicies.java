package dev.gatehouse.domain.ssoadmin;

import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.PermissionSet.Boundary;
import dev.gatehouse.domain.directory.PermissionSet.Policies;
import dev.gatehouse.domain.directory.PermissionSet.PolicyReference;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.portal.Page;
import dev.gatehouse.domain.portal.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The policies of a permission set, kept and returned exactly as given (Gatehouse issues no IAM
 * policy): one inline policy of at most {@value #INLINE_POLICY_BYTES} bytes, at most
 * {@value #ATTACHED_POLICIES} managed and customer-managed policies together (both quotas
 * ServiceQuotaExceededException), and one permissions boundary. Attaching a policy already attached is
 * ConflictException; detaching one that is not is ResourceNotFoundException.
 */
public final class PermissionSetPolicies {
    public static final int INLINE_POLICY_BYTES = 10_240;
    public static final int ATTACHED_POLICIES = 20;

    private final InstanceScope scope;

    public PermissionSetPolicies(InstanceScope scope) {
        this.scope = scope;
    }

    // ---- inline policy

    public void putInline(String instanceArn, String arn, String document, String caller) {
        ModelShape.POLICY_DOCUMENT.require("inlinePolicy", document);
        int bytes = document.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > INLINE_POLICY_BYTES) {
            throw new GatehouseException(ErrorCode.SERVICE_QUOTA_EXCEEDED, "The inline policy is " + bytes
                    + " bytes; a permission set's inline policy may be at most " + INLINE_POLICY_BYTES + " bytes");
        }
        change(instanceArn, arn, caller, p -> new Policies(Optional.of(document), p.managed(), p.customerManaged(),
                p.boundary()));
    }

    /** The inline policy, or empty when there is none. */
    public Optional<String> inline(String instanceArn, String arn) {
        return scope.permissionSet(instanceArn, arn).policies().inline();
    }

    /** Removes the inline policy; none there is no error. */
    public void deleteInline(String instanceArn, String arn, String caller) {
        change(instanceArn, arn, caller, p -> new Policies(Optional.empty(), p.managed(), p.customerManaged(),
                p.boundary()));
    }

    // ---- AWS-managed policies

    public void attachManaged(String instanceArn, String arn, String policyArn, String caller) {
        ModelShape.MANAGED_POLICY_ARN.require("managedPolicyArn", policyArn);
        change(instanceArn, arn, caller, p -> {
            if (p.managed().contains(policyArn)) {
                throw new GatehouseException(ErrorCode.CONFLICT, "Managed policy " + policyArn
                        + " is already attached to permission set " + arn);
            }
            checkRoomForOneMore(p);
            List<String> managed = new ArrayList<>(p.managed());
            managed.add(policyArn);
            return new Policies(p.inline(), managed, p.customerManaged(), p.boundary());
        });
    }

    public void detachManaged(String instanceArn, String arn, String policyArn, String caller) {
        ModelShape.MANAGED_POLICY_ARN.require("managedPolicyArn", policyArn);
        change(instanceArn, arn, caller, p -> {
            if (!p.managed().contains(policyArn)) {
                throw notAttached(policyArn, arn);
            }
            List<String> managed = new ArrayList<>(p.managed());
            managed.remove(policyArn);
            return new Policies(p.inline(), managed, p.customerManaged(), p.boundary());
        });
    }

    /** The managed policy ARNs, in the order they were attached. */
    public Page<String> managed(String instanceArn, String arn, PageRequest page) {
        return byPosition(scope.permissionSet(instanceArn, arn).policies().managed(), page);
    }

    // ---- customer-managed policy references

    public void attachCustomerManaged(String instanceArn, String arn, PolicyReference reference, String caller) {
        PolicyReference checked = checked("customerManagedPolicyReference", reference);
        change(instanceArn, arn, caller, p -> {
            if (p.customerManaged().contains(checked)) {
                throw new GatehouseException(ErrorCode.CONFLICT, "Customer managed policy " + checked.path()
                        + checked.name() + " is already attached to permission set " + arn);
            }
            checkRoomForOneMore(p);
            List<PolicyReference> customer = new ArrayList<>(p.customerManaged());
            customer.add(checked);
            return new Policies(p.inline(), p.managed(), customer, p.boundary());
        });
    }

    public void detachCustomerManaged(String instanceArn, String arn, PolicyReference reference, String caller) {
        PolicyReference checked = checked("customerManagedPolicyReference", reference);
        change(instanceArn, arn, caller, p -> {
            if (!p.customerManaged().contains(checked)) {
                throw notAttached(checked.path() + checked.name(), arn);
            }
            List<PolicyReference> customer = new ArrayList<>(p.customerManaged());
            customer.remove(checked);
            return new Policies(p.inline(), p.managed(), customer, p.boundary());
        });
    }

    /** The customer-managed policy references, in the order they were attached. */
    public Page<PolicyReference> customerManaged(String instanceArn, String arn, PageRequest page) {
        return byPosition(scope.permissionSet(instanceArn, arn).policies().customerManaged(), page);
    }

    // ---- permissions boundary

    /** Sets the boundary: exactly one of a managed policy ARN and a customer-managed reference. */
    public void putBoundary(String instanceArn, String arn, Boundary boundary, String caller) {
        if (boundary.managedPolicyArn().isPresent() == boundary.customerManaged().isPresent()) {
            throw new GatehouseException(ErrorCode.VALIDATION, "A permissions boundary names exactly one of "
                    + "CustomerManagedPolicyReference and ManagedPolicyArn");
        }
        Boundary checked = new Boundary(
                ModelShape.MANAGED_POLICY_ARN.check("permissionsBoundary.managedPolicyArn", boundary.managedPolicyArn()),
                boundary.customerManaged()
                        .map(r -> checked("permissionsBoundary.customerManagedPolicyReference", r)));
        change(instanceArn, arn, caller, p -> new Policies(p.inline(), p.managed(), p.customerManaged(),
                Optional.of(checked)));
    }

    /** The boundary; ResourceNotFoundException when the permission set has none. */
    public Boundary boundary(String instanceArn, String arn) {
        return scope.permissionSet(instanceArn, arn).policies().boundary().orElseThrow(() ->
                new GatehouseException(ErrorCode.RESOURCE_NOT_FOUND, "Permission set " + arn
                        + " has no permissions boundary"));
    }

    /** Removes the boundary; none there is no error. */
    public void deleteBoundary(String instanceArn, String arn, String caller) {
        change(instanceArn, arn, caller, p -> new Policies(p.inline(), p.managed(), p.customerManaged(),
                Optional.empty()));
    }

    // ----

    private void change(String instanceArn, String arn, String caller, UnaryOperator<Policies> edit) {
        scope.permissionSet(instanceArn, arn);
        scope.change(() -> {
            PermissionSet p = scope.permissionSet(instanceArn, arn);
            Policies edited = edit.apply(p.policies());
            if (!edited.equals(p.policies())) {
                scope.write(List.of(p.withPolicies(edited, p.stamps().changed(scope.now(), caller))), List.of());
            }
            return null;
        });
    }

    private static void checkRoomForOneMore(Policies p) {
        if (p.managed().size() + p.customerManaged().size() >= ATTACHED_POLICIES) {
            throw new GatehouseException(ErrorCode.SERVICE_QUOTA_EXCEEDED, "A permission set can have at most "
                    + ATTACHED_POLICIES + " managed and customer managed policies attached together");
        }
    }

    /** The reference with its path ({@code /} when not given), both checked against the model. */
    private static PolicyReference checked(String member, PolicyReference reference) {
        if (reference == null) {
            throw InvalidMemberException.missing(member);
        }
        ModelShape.MANAGED_POLICY_NAME.require(member + ".name", reference.name());
        String path = reference.path() == null ? "/" : reference.path();
        ModelShape.MANAGED_POLICY_PATH.require(member + ".path", path);
        return new PolicyReference(reference.name(), path);
    }

    private static GatehouseException notAttached(String policy, String arn) {
        return new GatehouseException(ErrorCode.RESOURCE_NOT_FOUND, "Policy " + policy
                + " is not attached to permission set " + arn);
    }

    /** Pages a list kept in attachment order: the cursor is the position, zero-padded so it sorts. */
    private static <T> Page<T> byPosition(List<T> items, PageRequest page) {
        List<Positioned<T>> positioned = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            positioned.add(new Positioned<>(String.format("%05d", i), items.get(i)));
        }
        Page<Positioned<T>> cut = page.apply(positioned, Positioned::position);
        return new Page<>(cut.items().stream().map(Positioned::item).toList(), cut.nextToken());
    }

    private record Positioned<T>(String position, T item) {
    }
}
