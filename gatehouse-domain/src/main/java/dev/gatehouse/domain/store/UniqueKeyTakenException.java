package dev.gatehouse.domain.store;

/** A directory write would claim a unique key that another entry holds; nothing was written. */
public final class UniqueKeyTakenException extends RuntimeException {
    private final String key;

    public UniqueKeyTakenException(String key) {
        super("unique key taken: " + key);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
