package dev.gatehouse.domain.oidc;

/** A client just registered: its record, and the secret handed out once. */
public record ClientRegistration(RegisteredClient client, String clientSecret) {
    @Override
    public String toString() {
        return "ClientRegistration[" + client + "]";
    }
}
