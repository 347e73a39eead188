package dev.gatehouse.client.gatehouseadmin;

import dev.gatehouse.client.ServiceCommand;
import dev.gatehouse.client.internal.WireRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A command of Gatehouse's admin API, sent with {@link GatehouseAdminClient#send}: awsJson1.1, that is
 * {@code POST /} with {@code X-Amz-Target: GatehouseAdmin.<operation>} and the input's JSON members.
 * One final class per operation.
 *
 * @param <I> the input
 * @param <O> the output
 */
public abstract sealed class GatehouseAdminCommand<I, O> extends ServiceCommand<I, O>
        permits CreateAdminKeyCommand, ListAdminKeysCommand, RevokeAdminKeyCommand, CreateInvitationCommand,
        ListSessionsCommand, EndSessionCommand, EndUserSessionsCommand, ListAuditEventsCommand {
    static final String TARGET_PREFIX = "GatehouseAdmin.";
    static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    GatehouseAdminCommand(I input) {
        super(input);
    }

    /** The operation's request: its target and members (null members left out). */
    WireRequest call(Map<String, ?> members, boolean retrySafe) {
        return WireRequest.post(operationName(), "/")
                .jsonBody(members)
                .header("Content-Type", CONTENT_TYPE)
                .header("X-Amz-Target", TARGET_PREFIX + operationName())
                .retrySafe(retrySafe)
                .build();
    }

    /** A timestamp member as awsJson1.1 sends it: epoch seconds, with any fraction (to the ns); null stays null. */
    static Number epochSeconds(Instant instant) {
        if (instant == null) {
            return null;
        }
        if (instant.getNano() == 0) {
            return instant.getEpochSecond();
        }
        BigDecimal fraction = BigDecimal.valueOf(instant.getNano(), 9).stripTrailingZeros();
        return BigDecimal.valueOf(instant.getEpochSecond()).add(fraction);
    }
}
