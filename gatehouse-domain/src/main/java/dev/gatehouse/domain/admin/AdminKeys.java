package dev.gatehouse.domain.admin;

import dev.gatehouse.domain.directory.AdminKey;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InputRules;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.portal.Page;
import dev.gatehouse.domain.portal.PageRequest;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admin access keys the service makes: {@link #create} (the secret is shown once, in its answer,
 * and never stored: {@link AdminKeySecrets} derives it again to check signatures), {@link #list} and
 * {@link #revoke}. A key is an entry of the live directory, so a revocation written on one instance
 * is in force on every instance on the same store within a second, and for good: a revoked key is
 * never made active again. The directory file's bootstrap keys are not entries: they are listed
 * nowhere and retired by removing them from the file.
 */
public final class AdminKeys {
    /** AKIA and 16 upper-case letters or digits, as AWS's long-term access key ids. */
    public static final Pattern ACCESS_KEY_ID = Pattern.compile("AKIA[A-Z0-9]{16}");
    public static final int MAX_DESCRIPTION_LENGTH = 256;
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /** A key just made, with its secret: the only time the secret exists outside a signature check. */
    public record NewAdminKey(AdminKey key, String secretAccessKey) {
        @Override
        public String toString() {
            return "NewAdminKey[" + key + ", secretAccessKey=redacted]";
        }
    }

    private final LiveDirectory live;
    private final Set<String> bootstrapKeyIds;
    private final AdminKeySecrets secrets;
    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();

    public AdminKeys(LiveDirectory live, Set<String> bootstrapKeyIds, AdminKeySecrets secrets, InstantSource clock) {
        this.live = live;
        this.bootstrapKeyIds = Set.copyOf(bootstrapKeyIds);
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Makes an active key, stamped with when and by whom; its secret is in the answer and nowhere else. */
    public NewAdminKey create(Optional<String> description, AdminCaller caller) {
        Optional<String> text = description.filter(d -> !d.isEmpty())
                .map(d -> InputRules.bounded("Description", d, MAX_DESCRIPTION_LENGTH));
        String id = newKeyId();
        AdminKey key = new AdminKey(id, text, clock.instant(), caller.accessKeyId(), Optional.empty());
        live.put(key);
        return new NewAdminKey(key, secrets.secretOf(id));
    }

    /** One page of the keys made here, active and revoked, in key id order. */
    public Page<AdminKey> list(PageRequest page) {
        List<AdminKey> keys = List.copyOf(directory().adminKeys());
        return page.apply(keys, AdminKey::accessKeyId);
    }

    /**
     * Revokes the key: from now on it signs nothing, on any instance. Revoking a revoked key changes
     * nothing and answers it as it is. The key that signs this call may revoke itself (the holder of
     * a leaked key must be able to stop it at once, with nothing else at hand).
     */
    public AdminKey revoke(String accessKeyId, AdminCaller caller) {
        String id = checkedId(accessKeyId);
        if (bootstrapKeyIds.contains(id)) {
            throw new GatehouseException(ErrorCode.VALIDATION, "Access key " + id + " is a bootstrap key of the "
                    + "directory file: remove it from the file and restart the service to retire it");
        }
        AdminKey key = directory().adminKey(id).orElseThrow(() -> new GatehouseException(
                ErrorCode.RESOURCE_NOT_FOUND, "Admin access key " + id + " does not exist"));
        if (!key.isActive()) {
            return key;
        }
        AdminKey revoked = new AdminKey(key.accessKeyId(), key.description(), key.createdAt(), key.createdBy(),
                Optional.of(clock.instant()));
        live.put(revoked);
        return revoked;
    }

    private static String checkedId(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isEmpty()) {
            throw InvalidMemberException.missing("AccessKeyId");
        }
        if (!ACCESS_KEY_ID.matcher(accessKeyId).matches()) {
            throw InvalidMemberException.wrongType("AccessKeyId",
                    "an access key id: AKIA and 16 upper-case letters or digits", accessKeyId);
        }
        return accessKeyId;
    }

    /** A fresh id, taken by no key made here nor by the file (a repeat is about one in 10^24). */
    private String newKeyId() {
        while (true) {
            StringBuilder id = new StringBuilder("AKIA");
            for (int i = 0; i < 16; i++) {
                id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
            }
            String candidate = id.toString();
            if (directory().adminKey(candidate).isEmpty() && !bootstrapKeyIds.contains(candidate)) {
                return candidate;
            }
        }
    }

    private Directory directory() {
        return live.directory();
    }
}
