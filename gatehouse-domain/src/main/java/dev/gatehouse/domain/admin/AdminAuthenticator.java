package dev.gatehouse.domain.admin;

import dev.gatehouse.domain.credentials.SigV4;
import dev.gatehouse.domain.credentials.SignatureChecks;
import dev.gatehouse.domain.credentials.SignedRequest;
import dev.gatehouse.domain.directory.AdminKey;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryFile.BootstrapAdminKey;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides who signed an admin API call (identitystore, sso-admin), checking in AWS's order: the
 * signing time, the scope (the service the call is for, the directory's region), the skew, that the
 * access key is one of ours and not revoked, and the signature. An admin key's secret is derived from
 * its id ({@link AdminKeySecrets}), never stored; the file's bootstrap keys carry their own secrets.
 */
public final class AdminAuthenticator {
    static final String INVALID_KEY = "The security token included in the request is invalid.";
    static final String WRONG_SIGNATURE = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final Directory directory;
    private final Map<String, BootstrapAdminKey> bootstrap;
    private final AdminKeySecrets secrets;
    private final InstantSource clock;

    public AdminAuthenticator(Directory directory, List<BootstrapAdminKey> bootstrap, AdminKeySecrets secrets,
                              InstantSource clock) {
        this.directory = directory;
        this.bootstrap = bootstrap.stream().collect(Collectors.toUnmodifiableMap(BootstrapAdminKey::accessKeyId,
                Function.identity()));
        this.secrets = secrets;
        this.clock = clock;
    }

    /** The caller of a request signed for {@code service} ({@code identitystore} or {@code sso}). */
    public AdminCaller authenticate(SignedRequest request, String service) {
        SignatureChecks.checkTimeAndScope(request, service, clock.instant());
        if (!request.scope().region().equals(directory.region())) {
            throw new GatehouseException(ErrorCode.SIGNATURE_MISMATCH, "Credential should be scoped to a valid region. ");
        }
        if (request.sessionToken().isPresent()) {
            throw new GatehouseException(ErrorCode.UNKNOWN_ACCESS_KEY, INVALID_KEY);
        }
        String secret = secretOf(request.accessKeyId())
                .orElseThrow(() -> new GatehouseException(ErrorCode.UNKNOWN_ACCESS_KEY, INVALID_KEY));
        String expected = SigV4.signature(secret, request.scope(), request.amzDate(), request.canonicalRequest());
        if (!SigV4.sameSignature(expected, request.signature())) {
            throw new GatehouseException(ErrorCode.SIGNATURE_MISMATCH, WRONG_SIGNATURE);
        }
        return new AdminCaller(request.accessKeyId());
    }

    /** The secret of an active key: a bootstrap key's own, or the one derived for a key made here. */
    private Optional<String> secretOf(String accessKeyId) {
        BootstrapAdminKey file = bootstrap.get(accessKeyId);
        if (file != null) {
            return Optional.of(file.secretAccessKey());
        }
        return directory.adminKey(accessKeyId).filter(AdminKey::isActive).map(k -> secrets.secretOf(k.accessKeyId()));
    }
}
