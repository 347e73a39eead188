package dev.gatehouse.server.federation.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The provider as its discovery document ({@code issuer/.well-known/openid-configuration}) describes
 * it: endpoints, ID token algorithms, and its signing keys. Read on first use and kept for an hour;
 * after any failure to talk to the provider ({@link #forget}) the next sign-in reads it again. The
 * keys come from its JWKS through Nimbus's {@link JWKSourceBuilder}: cached five minutes, and fetched
 * again at once when an ID token names a key id the cache lacks (key rotation). That refetch is not
 * rate-limited: ID tokens reach us only in the provider's own answer to our token request, never from
 * the browser, so no outsider can make us fetch.
 */
final class ProviderDiscovery {
    static final Duration KEPT = Duration.ofHours(1);
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int READ_TIMEOUT_MS = 10_000;
    private static final int JWKS_SIZE_LIMIT = 512 * 1024;
    private static final long KEYS_CACHED_MS = Duration.ofMinutes(5).toMillis();

    private final Issuer issuer;
    private final InstantSource clock;
    private volatile Discovered current;

    ProviderDiscovery(URI issuer, InstantSource clock) {
        this.issuer = new Issuer(issuer);
        this.clock = clock;
    }

    /** The discovery document and the key source of its {@code jwks_uri}. */
    record Discovered(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys, Instant readAt) {
    }

    Issuer issuer() {
        return issuer;
    }

    /** The provider, read now when not read yet, forgotten, or read more than {@link #KEPT} ago. */
    Discovered get() throws IOException, GeneralException {
        Discovered known = current;
        Instant now = clock.instant();
        if (known != null && now.isBefore(known.readAt().plus(KEPT))) {
            return known;
        }
        // resolve() refuses a document whose issuer is not exactly ours
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(issuer, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
        if (metadata.getJWKSetURI() == null) {
            throw new GeneralException("The provider's discovery document names no jwks_uri");
        }
        JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(metadata.getJWKSetURI().toURL(),
                        new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, JWKS_SIZE_LIMIT))
                .cache(KEYS_CACHED_MS, READ_TIMEOUT_MS)
                .refreshAheadCache(false)
                .rateLimited(false)
                .build();
        Discovered discovered = new Discovered(metadata, keys, now);
        current = discovered;
        return discovered;
    }

    /** Reads the provider again on next use: after it failed us, its endpoints or keys may have moved. */
    void forget() {
        current = null;
    }
}
