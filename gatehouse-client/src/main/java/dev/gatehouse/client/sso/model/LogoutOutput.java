package dev.gatehouse.client.sso.model;

/** Logout's output: none (the model's {@code Unit}); success is the HTTP 200 itself. */
public record LogoutOutput() {
}
