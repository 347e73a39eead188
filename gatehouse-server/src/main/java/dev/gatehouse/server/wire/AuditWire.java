package dev.gatehouse.server.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditPage;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InputRules;
import dev.gatehouse.domain.error.InvalidMemberException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The audit trail's two wire shapes. GatehouseAdmin.ListAuditEvents answers events as
 * {@code {EventId, Time, EventName, Outcome, UserName?, UserId?, SessionId?, ClientName?, ClientId?,
 * SourceAddress?, RequestId?, Details}} (time in epoch seconds); its {@code NextToken} is the id the
 * next page starts below, made opaque. The JSON-lines audit log writes one object a line with the keys
 * {@code time} (ISO-8601 UTC, to the millisecond), {@code event}, {@code outcome}, {@code user},
 * {@code userId}, {@code sessionId}, {@code client}, {@code clientId}, {@code sourceAddress},
 * {@code requestId}, {@code eventId}, {@code details}, in that order, absent ones left out. Both hold
 * only what the record holds, which is never a secret.
 */
public final class AuditWire {
    /** {@code MaxResults} of ListAuditEvents: 1..1000, 50 when absent. */
    public static final int MAX_RESULTS = 1000;
    public static final int DEFAULT_MAX_RESULTS = 50;
    private static final String CURSOR_PREFIX = "ga1:";
    /** What an audit id looks like ({@code AuditIds}): 13 digits of milliseconds, a dash, a random tail. */
    private static final Pattern AUDIT_ID = Pattern.compile("\\d{13}-[A-Za-z0-9]{0,32}");
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The members a record may lack, in the order both shapes write them: the API's name, the log's, the value. */
    private record OptionalField(String apiName, String logName, Function<AuditRecord, Optional<String>> value) {
    }

    private static final List<OptionalField> OPTIONAL_FIELDS = List.of(
            new OptionalField("UserName", "user", AuditRecord::user),
            new OptionalField("UserId", "userId", AuditRecord::userId),
            new OptionalField("SessionId", "sessionId", AuditRecord::sessionId),
            new OptionalField("ClientName", "client", AuditRecord::client),
            new OptionalField("ClientId", "clientId", AuditRecord::clientId),
            new OptionalField("SourceAddress", "sourceAddress", AuditRecord::sourceAddress),
            new OptionalField("RequestId", "requestId", AuditRecord::requestId));

    private AuditWire() {
    }

    // ---- ListAuditEvents' input

    /** {@code UserName}, when given and not empty: at most as long as a user name, printable. */
    public static Optional<String> userName(JsonNode input) {
        return GatehouseAdminWire.optionalString(input, "UserName").filter(s -> !s.isEmpty())
                .map(name -> InputRules.bounded("UserName", name, SessionAdminWire.MAX_ID_LENGTH));
    }

    /** {@code EventName}: one of the events' wire names, else a ValidationException listing them. */
    public static Optional<AuditEvent> eventName(JsonNode input) {
        return GatehouseAdminWire.optionalString(input, "EventName").filter(s -> !s.isEmpty())
                .map(name -> AuditEvent.fromWireName(name).orElseThrow(() -> InvalidMemberException.unsatisfied(
                        "EventName", "satisfy enum value set: " + Arrays.stream(AuditEvent.values())
                                .map(AuditEvent::wireName).toList(), name)));
    }

    /** {@code StartTime} (epoch seconds), or {@code byDefault}. */
    public static Instant startTime(JsonNode input, Instant byDefault) {
        return Optional.ofNullable(AwsJsonMembers.timestamp(input, "StartTime", "StartTime")).orElse(byDefault);
    }

    /** {@code EndTime} (epoch seconds), or {@code byDefault}. */
    public static Instant endTime(JsonNode input, Instant byDefault) {
        return Optional.ofNullable(AwsJsonMembers.timestamp(input, "EndTime", "EndTime")).orElse(byDefault);
    }

    public static int maxResults(JsonNode input) {
        return GatehouseAdminWire.maxResults(input, MAX_RESULTS, DEFAULT_MAX_RESULTS);
    }

    /** The audit id a {@code NextToken} stands for; anything not made by {@link #nextToken} is a ValidationException. */
    public static Optional<String> before(JsonNode input) {
        return GatehouseAdminWire.optionalString(input, "NextToken").filter(s -> !s.isEmpty()).map(token -> {
            try {
                String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                if (text.startsWith(CURSOR_PREFIX) && AUDIT_ID.matcher(text.substring(CURSOR_PREFIX.length())).matches()) {
                    return text.substring(CURSOR_PREFIX.length());
                }
            } catch (IllegalArgumentException notBase64) {
                // refused below
            }
            throw GatehouseException.invalidRequest(
                    "Invalid NextToken: pass back the NextToken of the previous page unchanged");
        });
    }

    static String nextToken(String before) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + before).getBytes(StandardCharsets.UTF_8));
    }

    // ---- ListAuditEvents' output

    public static Map<String, Object> events(AuditPage page) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Events", page.records().stream().map(AuditWire::event).toList());
        page.nextBefore().ifPresent(before -> out.put("NextToken", nextToken(before)));
        return out;
    }

    static Map<String, Object> event(AuditRecord record) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("EventId", record.id());
        out.put("Time", GatehouseAdminWire.epochSeconds(record.time()));
        out.put("EventName", record.event().wireName());
        out.put("Outcome", record.outcome().wireName());
        OPTIONAL_FIELDS.forEach(field -> field.value.apply(record).ifPresent(v -> out.put(field.apiName, v)));
        out.put("Details", new TreeMap<>(record.details()));
        return out;
    }

    // ---- the JSON-lines log

    /** One line of the JSON-lines audit log, as an ordered map (the caller adds the newline). */
    public static Map<String, Object> logLine(AuditRecord record) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("time", LOG_TIME.format(record.time()));
        out.put("event", record.event().wireName());
        out.put("outcome", record.outcome().wireName());
        OPTIONAL_FIELDS.forEach(field -> field.value.apply(record).ifPresent(v -> out.put(field.logName, v)));
        out.put("eventId", record.id());
        out.put("details", new TreeMap<>(record.details()));
        return out;
    }
}
