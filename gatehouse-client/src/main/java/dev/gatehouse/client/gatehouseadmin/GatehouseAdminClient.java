package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.ClientBuilder;
import dev.gatehouse.client.Paginator;
import dev.gatehouse.client.ServiceClient;
import dev.gatehouse.client.gatehouseadmin.model.AdminKey;
import dev.gatehouse.client.gatehouseadmin.model.AuditEvent;
import dev.gatehouse.client.gatehouseadmin.model.ListAdminKeysInput;
import dev.gatehouse.client.gatehouseadmin.model.ListAdminKeysOutput;
import dev.gatehouse.client.gatehouseadmin.model.ListAuditEventsInput;
import dev.gatehouse.client.gatehouseadmin.model.ListAuditEventsOutput;
import dev.gatehouse.client.gatehouseadmin.model.ListSessionsInput;
import dev.gatehouse.client.gatehouseadmin.model.ListSessionsOutput;
import dev.gatehouse.client.gatehouseadmin.model.Session;
import dev.gatehouse.client.internal.HttpTransport;
import dev.gatehouse.client.sigv4.SigV4Signer;
import dev.gatehouse.client.sigv4.SigningCredentials;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;

/**
 * Gatehouse's own admin operations, signed with an admin access key (SigV4, service
 * {@value #SIGNING_NAME}, the directory's region):
 * <pre>{@code
 * try (GatehouseAdminClient admin = GatehouseAdminClient.builder()
 *         .endpointOverride(URI.create("http://127.0.0.1:8080"))
 *         .region("us-east-1")
 *         .credentials(SigningCredentials.of(keyId, secret))
 *         .build()) {
 *     CreateAdminKeyOutput made = admin.send(new CreateAdminKeyCommand(new CreateAdminKeyInput("CI")));
 *     for (AdminKey key : admin.listAdminKeysPaginator(ListAdminKeysInput.first())) { ... }
 * }
 * }</pre>
 *
 * <p>Operations: {@link CreateAdminKeyCommand}, {@link ListAdminKeysCommand}, {@link RevokeAdminKeyCommand},
 * {@link CreateInvitationCommand}; the sign-in sessions of a user, {@link ListSessionsCommand},
 * {@link EndSessionCommand}, {@link EndUserSessionsCommand}; the audit trail, {@link ListAuditEventsCommand}.
 * Errors are {@link dev.gatehouse.client.gatehouseadmin.model.GatehouseAdminException}
 * and its subclasses. Gatehouse has no AWS endpoint: the endpoint override is required; the region
 * defaults to {@code us-east-1}. Each attempt is signed anew when it is sent.
 */
public final class GatehouseAdminClient extends ServiceClient {
    public static final String SIGNING_NAME = "gatehouse";
    public static final String DEFAULT_REGION = "us-east-1";

    private GatehouseAdminClient(HttpTransport transport) {
        super(transport, GatehouseAdminErrors::toException);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Sends one command and returns its output, after any retries. */
    public <I, O> O send(GatehouseAdminCommand<I, O> command) {
        return execute(command);
    }

    /** Sends one command without blocking the caller. */
    public <I, O> CompletableFuture<O> sendAsync(GatehouseAdminCommand<I, O> command) {
        return executeAsync(command);
    }

    /** Every admin key, across all pages of ListAdminKeys, starting at the input's page. */
    public Paginator<ListAdminKeysOutput, AdminKey> listAdminKeysPaginator(ListAdminKeysInput input) {
        return Paginator.of(input.nextToken(), token -> send(new ListAdminKeysCommand(input.withNextToken(token))),
                ListAdminKeysOutput::nextToken, ListAdminKeysOutput::adminKeys);
    }

    /** Every active session of the user, across all pages of ListSessions, starting at the input's page. */
    public Paginator<ListSessionsOutput, Session> listSessionsPaginator(ListSessionsInput input) {
        return Paginator.of(input.nextToken(), token -> send(new ListSessionsCommand(input.withNextToken(token))),
                ListSessionsOutput::nextToken, ListSessionsOutput::sessions);
    }

    /** Every matching audit record, newest first, across all pages of ListAuditEvents, starting at the input's page. */
    public Paginator<ListAuditEventsOutput, AuditEvent> listAuditEventsPaginator(ListAuditEventsInput input) {
        return Paginator.of(input.nextToken(), token -> send(new ListAuditEventsCommand(input.withNextToken(token))),
                ListAuditEventsOutput::nextToken, ListAuditEventsOutput::events);
    }

    /** Builds a {@link GatehouseAdminClient}: an endpoint override and credentials are required. */
    public static final class Builder extends ClientBuilder<Builder> {
        private SigningCredentials credentials;
        private InstantSource signingClock = InstantSource.system();

        private Builder() {
        }

        /** The admin access key the requests are signed with. */
        public Builder credentials(SigningCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The clock signatures are dated by (default the system's); tests move their own. */
        public Builder signingClock(InstantSource signingClock) {
            this.signingClock = signingClock;
            return this;
        }

        public GatehouseAdminClient build() {
            if (configuredEndpoint() == null) {
                throw new IllegalStateException("GatehouseAdminClient needs the service's base URL: "
                        + "endpointOverride(URI.create(\"http://127.0.0.1:8080\"))");
            }
            if (credentials == null) {
                throw new IllegalStateException("GatehouseAdminClient needs an admin access key: "
                        + "credentials(SigningCredentials.of(accessKeyId, secretAccessKey))");
            }
            String region = configuredRegion() == null ? DEFAULT_REGION : configuredRegion();
            SigV4Signer signer = new SigV4Signer(credentials, region, SIGNING_NAME, signingClock);
            return new GatehouseAdminClient(transport("GatehouseAdminClient", SIGNING_NAME, signer::sign));
        }
    }
}
