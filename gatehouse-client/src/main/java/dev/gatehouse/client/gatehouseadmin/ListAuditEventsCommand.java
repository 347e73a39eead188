package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.gatehouseadmin.model.AuditEvent;
import dev.gatehouse.client.gatehouseadmin.model.ListAuditEventsInput;
import dev.gatehouse.client.gatehouseadmin.model.ListAuditEventsOutput;
import dev.gatehouse.client.internal.JsonObject;
import dev.gatehouse.client.internal.WireRequest;
import dev.gatehouse.client.internal.WireResponse;
import java.util.HashMap;
import java.util.Map;

/**
 * ListAuditEvents — {@code {"UserName"?, "EventName"?, "StartTime"?, "EndTime"?, "MaxResults"?,
 * "NextToken"?}} (times in epoch seconds) → {@code {"Events": [...], "NextToken"?}}, newest first. For
 * all pages, see {@link GatehouseAdminClient#listAuditEventsPaginator}.
 */
public final class ListAuditEventsCommand extends GatehouseAdminCommand<ListAuditEventsInput, ListAuditEventsOutput> {
    public ListAuditEventsCommand(ListAuditEventsInput input) {
        super(input);
    }

    @Override
    public String operationName() {
        return "ListAuditEvents";
    }

    @Override
    protected WireRequest request() {
        Map<String, Object> members = new HashMap<>();
        members.put("UserName", input().userName());
        members.put("EventName", input().eventName());
        members.put("StartTime", epochSeconds(input().startTime()));
        members.put("EndTime", epochSeconds(input().endTime()));
        members.put("MaxResults", input().maxResults());
        members.put("NextToken", input().nextToken());
        return call(members, true);
    }

    @Override
    protected ListAuditEventsOutput output(WireResponse response) {
        JsonObject body = response.json();
        return new ListAuditEventsOutput(body.objects("Events").stream().map(ListAuditEventsCommand::event).toList(),
                body.string("NextToken"));
    }

    private static AuditEvent event(JsonObject event) {
        JsonObject details = event.object("Details");
        return new AuditEvent(event.string("EventId"), event.epochSeconds("Time"), event.string("EventName"),
                event.string("Outcome"), event.string("UserName"), event.string("UserId"), event.string("SessionId"),
                event.string("ClientName"), event.string("ClientId"), event.string("SourceAddress"),
                event.string("RequestId"), details == null ? Map.of() : details.strings());
    }
}
