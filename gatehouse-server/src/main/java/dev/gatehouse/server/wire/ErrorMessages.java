package dev.gatehouse.server.wire;

import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.error.InvalidMemberException.Constraint;
import dev.gatehouse.domain.error.InvalidMemberException.MaxLength;
import dev.gatehouse.domain.error.InvalidMemberException.Printable;
import dev.gatehouse.domain.error.InvalidMemberException.Range;
import dev.gatehouse.domain.error.InvalidMemberException.Required;
import dev.gatehouse.domain.error.InvalidMemberException.Type;

/**
 * The message a domain error shows on the wire: its own, except for a member that broke an input
 * rule, which is worded as the AWS validators word it
 * ({@code 1 validation error detected: Value null at 'roleName' failed to satisfy constraint: ...}).
 */
public final class ErrorMessages {
    private static final String ONE_ERROR = "1 validation error detected: ";

    private ErrorMessages() {
    }

    public static String of(GatehouseException error) {
        return error instanceof InvalidMemberException invalid ? validation(invalid) : error.getMessage();
    }

    static String validation(InvalidMemberException e) {
        String at = "at '" + e.member() + "' failed to satisfy constraint: Member must ";
        String value = e.shownValue() == null ? "Value " : "Value '" + e.shownValue() + "' ";
        return ONE_ERROR + switch (e.rule()) {
            case Required ignored -> "Value null " + at + "not be null"
                    + (e.location() == null ? "" : " (" + e.location() + " is missing)");
            case MaxLength length -> "Value " + at + "have length less than or equal to " + length.max();
            case Range range -> value + at + "have value between " + range.min() + " and " + range.max();
            case Type type -> value + at + "be " + type.expected();
            case Printable ignored -> "Value " + at + "not contain control characters";
            case Constraint constraint -> value + at + constraint.text();
        };
    }
}
