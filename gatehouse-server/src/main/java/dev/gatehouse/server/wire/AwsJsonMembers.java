package dev.gatehouse.server.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.error.InvalidMemberException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;

/**
 * Reading one member of an awsJson1.1 request (identitystore, sso-admin, GatehouseAdmin): absent and
 * null are the same, and a value of the wrong JSON type is a ValidationException naming the member as
 * AWS's validator does. The services' wire classes build their shapes on these.
 */
public final class AwsJsonMembers {
    /** 9999-12-31T23:59:59Z: the latest timestamp an input may name. */
    private static final BigDecimal LATEST_TIMESTAMP = BigDecimal.valueOf(253_402_300_799L);
    private AwsJsonMembers() {
    }

    /**
     * A string member, or null when absent or null.
     *
     * @param name how errors name it ({@code userName}, {@code tags.member.key})
     * @param echo whether a wrong value may be shown in the error (not for identitystore's sensitive strings)
     */
    public static String string(JsonNode input, String member, String name, boolean echo) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw InvalidMemberException.wrongType(name, "a string", echo ? value.toString() : null);
        }
        return value.textValue();
    }

    /** An integer member (MaxResults), or null when absent or null; {@code name} is how errors name it. */
    public static Integer integer(JsonNode input, String member, String name) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw InvalidMemberException.wrongType(name, "an integer", value.toString());
        }
        return value.intValue();
    }

    /** A boolean member, or null when absent or null; {@code name} is how errors name it. */
    public static Boolean bool(JsonNode input, String member, String name) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw InvalidMemberException.wrongType(name, "a boolean", value.toString());
        }
        return value.booleanValue();
    }

    /**
     * A timestamp member as awsJson1.1 sends one, epoch seconds (a JSON number, fractional allowed),
     * between 0 and the end of year 9999; null when absent or null.
     */
    public static Instant timestamp(JsonNode input, String member, String name) {
        JsonNode value = input.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw InvalidMemberException.wrongType(name, "a timestamp in epoch seconds", value.toString());
        }
        if (value.isFloatingPointNumber() && !Double.isFinite(value.doubleValue())) {
            // 1e400 parses as infinity, which has no decimal value
            throw InvalidMemberException.unsatisfied(name, "be between 0 and " + LATEST_TIMESTAMP, value.toString());
        }
        BigDecimal seconds = value.decimalValue();
        if (seconds.signum() < 0 || seconds.compareTo(LATEST_TIMESTAMP) > 0) {
            throw InvalidMemberException.outOfRange(name, seconds.longValue(), 0, LATEST_TIMESTAMP.longValue());
        }
        return Instant.ofEpochMilli(seconds.movePointRight(3).setScale(0, RoundingMode.FLOOR).longValueExact());
    }

    /** A member's name as the validator's messages write it: {@code UserName} → {@code userName}. */
    public static String camel(String member) {
        return member.substring(0, 1).toLowerCase(Locale.ROOT) + member.substring(1);
    }
}
