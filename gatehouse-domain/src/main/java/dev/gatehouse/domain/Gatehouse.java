package dev.gatehouse.domain;

import dev.gatehouse.domain.credentials.CredentialIssuer;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.portal.AccessPortal;
import dev.gatehouse.domain.session.SignInSessions;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.token.Tokens;
import java.time.InstantSource;

/**
 * The domain wired together: one directory, one store, one clock. Every service that tells time
 * gets this one clock, so tests move it instead of sleeping.
 */
public record Gatehouse(Directory directory, GatehouseStore store, InstantSource clock, SignInSessions sessions,
                        Tokens tokens, CredentialIssuer credentials, AccessPortal portal) {

    public static Gatehouse create(Directory directory, GatehouseStore store, InstantSource clock) {
        SignInSessions sessions = new SignInSessions(directory, store, clock);
        Tokens tokens = new Tokens(store, clock);
        CredentialIssuer credentials = new CredentialIssuer(store, clock);
        AccessPortal portal = new AccessPortal(directory, tokens, sessions, credentials);
        return new Gatehouse(directory, store, clock, sessions, tokens, credentials, portal);
    }
}
