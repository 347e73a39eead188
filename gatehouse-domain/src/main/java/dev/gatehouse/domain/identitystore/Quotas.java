package dev.gatehouse.domain.identitystore;

/** How many users and groups one identity store may hold; AWS's quotas are 100,000 of each. */
public record Quotas(int users, int groups) {
    public static final Quotas AWS = new Quotas(100_000, 100_000);
}
