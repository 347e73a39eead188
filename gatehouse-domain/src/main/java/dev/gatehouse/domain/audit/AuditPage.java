package dev.gatehouse.domain.audit;

import java.util.List;
import java.util.Optional;

/**
 * Audit records that matched a query, newest first, and where the next page starts ({@code before}
 * of the next query) when the store stopped before the end: the page was full or the scan limit was
 * reached.
 */
public record AuditPage(List<AuditRecord> records, Optional<String> nextBefore) {
    public AuditPage {
        records = List.copyOf(records);
    }
}
