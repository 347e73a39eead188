package dev.gatehouse.cli.admin;

import dev.gatehouse.cli.CliEnvironment;
import dev.gatehouse.client.gatehouseadmin.model.AuditEvent;
import dev.gatehouse.client.gatehouseadmin.model.ListAuditEventsInput;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code gatehouse admin audit list [--user NAME] [--event NAME] [--since T] [--until T] [--max N]}:
 * the audit records that match, newest first (GatehouseAdmin.ListAuditEvents, following NextToken until
 * {@code --max} records). A time is an ISO-8601 instant or a duration back from now ({@code PT1H}). With
 * {@code --output json}: an array of records, times as ISO-8601 UTC to the millisecond.
 */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List audit records, newest first.")
public final class AuditListCommand extends AdminSubcommand {
    private static final List<String> HEADER = List.of("TIME", "EVENT", "OUTCOME", "USER", "SESSION", "CLIENT", "FROM");
    private static final int MAX_PAGE = 1000;

    @Option(names = "--user", paramLabel = "NAME", description = "Only records of this user (by user name or user id).")
    String userName;

    @Option(names = "--event", paramLabel = "NAME",
            description = "Only this event, e.g. SignInFailed, SessionEndedByAdmin.")
    String eventName;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Only records from this time: an ISO-8601 instant (2026-11-30T08:00:00Z) or a duration back "
                    + "from now (PT1H, P1D).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only records up to this time (as --since).")
    String until;

    @Option(names = "--max", paramLabel = "N", defaultValue = "100",
            description = "At most this many records (default 100).")
    int max;

    public AuditListCommand(CliEnvironment environment) {
        super(environment);
    }

    @Override
    public Integer call() {
        if (max < 1) {
            throw new ParameterException(spec.commandLine(), "--max must be at least 1, not " + max);
        }
        ListAuditEventsInput input = ListAuditEventsInput.all().withUserName(userName).withEventName(eventName)
                .withTimes(time("--since", since), time("--until", until)).withMaxResults(Math.min(max, MAX_PAGE));
        List<AuditEvent> events = request(admin -> {
            List<AuditEvent> first = new ArrayList<>();
            Iterator<AuditEvent> all = admin.listAuditEventsPaginator(input).iterator();
            while (first.size() < max && all.hasNext()) {
                first.add(all.next());
            }
            return first;
        });
        return print(events.stream().map(AuditListCommand::members).toList(), out -> {
            if (events.isEmpty()) {
                out.println("No audit records match.");
            } else {
                AdminPrinter.table(out, HEADER, events.stream().map(AuditListCommand::row).toList());
            }
        });
    }

    /** An ISO-8601 instant, or a duration back from now; null when the option was not given. */
    private Instant time(String option, String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        try {
            return value.startsWith("P") || value.startsWith("p")
                    ? clock().instant().minus(Duration.parse(value)) : Instant.parse(value);
        } catch (DateTimeException | ArithmeticException e) {
            // unparsable, or a duration reaching back past the first instant there is
            throw new ParameterException(spec.commandLine(), option + " must be an ISO-8601 instant such as "
                    + "2026-11-30T08:00:00Z or a duration back from now such as PT1H, not '" + text + "'");
        }
    }

    private static List<String> row(AuditEvent event) {
        String user = event.userName() != null ? event.userName() : event.userId();
        String client = event.clientName() != null ? event.clientName() : event.clientId();
        return List.of(Objects.toString(AdminPrinter.time(event.time()), "-"), Objects.toString(event.eventName(), "-"),
                Objects.toString(event.outcome(), "-"), Objects.toString(user, "-"),
                Objects.toString(event.sessionId(), "-"), Objects.toString(client, "-"),
                Objects.toString(event.sourceAddress(), "-"));
    }

    private static Map<String, Object> members(AuditEvent event) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("eventId", event.eventId());
        members.put("time", Objects.toString(event.time(), null));
        members.put("event", event.eventName());
        members.put("outcome", event.outcome());
        members.put("user", event.userName());
        members.put("userId", event.userId());
        members.put("sessionId", event.sessionId());
        members.put("client", event.clientName());
        members.put("clientId", event.clientId());
        members.put("sourceAddress", event.sourceAddress());
        members.put("requestId", event.requestId());
        members.values().removeIf(Objects::isNull);
        members.put("details", event.details());
        return members;
    }
}
