package dev.gatehouse.client.internal;

/** How secrets appear in {@code toString}: never their value, only whether one is there. */
public final class Redact {
    public static final String MASK = "***";

    private Redact() {
    }

    public static String secret(String value) {
        return value == null ? "null" : MASK;
    }
}
