package dev.gatehouse.client.gatehouseadmin.model;

import java.time.Instant;

/**
 * ListAuditEvents' input: filters (each null for none) and the page. Start with {@link #all()} and
 * narrow with the {@code with…} methods.
 *
 * @param userName   records whose user name, or whose user id (the one the name resolves to now), matches
 * @param eventName  one of the wire names, e.g. {@code SignInSucceeded}, {@code SessionEndedByAdmin}
 * @param startTime  the earliest time (service default: the epoch)
 * @param endTime    the latest time (service default: now)
 * @param maxResults page size, 1..1000, or null for the service's default (50)
 * @param nextToken  the previous page's {@code NextToken}, or null for the first page
 */
public record ListAuditEventsInput(String userName, String eventName, Instant startTime, Instant endTime,
                                   Integer maxResults, String nextToken) {
    /** Every record, newest first. */
    public static ListAuditEventsInput all() {
        return new ListAuditEventsInput(null, null, null, null, null, null);
    }

    public ListAuditEventsInput withUserName(String name) {
        return new ListAuditEventsInput(name, eventName, startTime, endTime, maxResults, nextToken);
    }

    public ListAuditEventsInput withEventName(String name) {
        return new ListAuditEventsInput(userName, name, startTime, endTime, maxResults, nextToken);
    }

    public ListAuditEventsInput withTimes(Instant start, Instant end) {
        return new ListAuditEventsInput(userName, eventName, start, end, maxResults, nextToken);
    }

    public ListAuditEventsInput withMaxResults(Integer max) {
        return new ListAuditEventsInput(userName, eventName, startTime, endTime, max, nextToken);
    }

    public ListAuditEventsInput withNextToken(String token) {
        return new ListAuditEventsInput(userName, eventName, startTime, endTime, maxResults, token);
    }
}
