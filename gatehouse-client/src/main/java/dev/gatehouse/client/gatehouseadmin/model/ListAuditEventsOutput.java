package dev.gatehouse.client.gatehouseadmin.model;

import java.util.List;

/**
 * ListAuditEvents' output: one page of records, newest first, and the next page's token (null on the
 * last). A page may hold fewer than {@code maxResults} records and still have a next token.
 */
public record ListAuditEventsOutput(List<AuditEvent> events, String nextToken) {
    public ListAuditEventsOutput {
        events = List.copyOf(events);
    }
}
