package dev.gatehouse.domain.audit;

/**
 * The audit trail's part of the storage port. Records are kept until their {@code expiresAt}
 * ({@code purgeExpiredBefore} removes them) and read back newest first.
 */
public interface AuditStore {
    /** Stores the records durably, in one write where the store can. An id already stored is kept as it is. */
    void appendAudit(java.util.List<AuditRecord> records);

    AuditPage findAudit(AuditQuery query);
}
