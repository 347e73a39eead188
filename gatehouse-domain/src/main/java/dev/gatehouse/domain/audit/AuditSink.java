package dev.gatehouse.domain.audit;

/** Somewhere audit records go: the store, a JSON-lines log. Must not block for long, nor throw. */
public interface AuditSink extends AutoCloseable {
    void accept(AuditRecord record);

    /** Writes out what it holds; called on the service's way down. */
    @Override
    default void close() {
    }
}
