package dev.gatehouse.domain.error;

/**
 * A request member that breaks an input rule: missing, too long, out of range, of the wrong type, or
 * holding characters that no identifier or name may hold. It names the member as the API model
 * spells it and, where that helps, where the member travels ({@code query parameter role_name});
 * its message says the same in plain words. Each wire format renders it in its service's wording.
 */
public final class InvalidMemberException extends GatehouseException {
    private static final int SHOWN_VALUE_LENGTH = 64;

    /** The rule a member broke. */
    public sealed interface Rule permits Required, MaxLength, Range, Type, Printable, Constraint {
    }

    /** Absent, null or empty. */
    public record Required() implements Rule {
    }

    /** Longer than {@code max} characters, or a list of more than {@code max} entries. */
    public record MaxLength(int max) implements Rule {
    }

    /** A number outside {@code min..max}. */
    public record Range(long min, long max) implements Rule {
    }

    /** Not of the expected type: {@code an integer}, {@code a string}, {@code a list of strings}. */
    public record Type(String expected) implements Rule {
    }

    /** A control character or a broken surrogate pair, which no identifier, name or token may hold. */
    public record Printable() implements Rule {
    }

    /**
     * Any other rule of the API model, in the model's words after "Member must": {@code satisfy regular
     * expression pattern: [\w+=,.@-]+}, {@code satisfy enum value set: [USER, GROUP]}.
     */
    public record Constraint(String text) implements Rule {
    }

    private final String member;
    private final String location;
    private final Rule rule;
    private final String shownValue;

    private InvalidMemberException(String member, String location, Rule rule, String shownValue, String message) {
        super(ErrorCode.INVALID_REQUEST, message);
        this.member = member;
        this.location = location;
        this.rule = rule;
        this.shownValue = shownValue;
    }

    /** {@code member} is required and was not given. */
    public static InvalidMemberException missing(String member) {
        return missing(member, null);
    }

    /** @param location where it was looked for, for example {@code header x-amz-sso_bearer_token} */
    public static InvalidMemberException missing(String member, String location) {
        return new InvalidMemberException(member, location, new Required(), null,
                member + " is missing" + (location == null ? "" : " (" + location + ")"));
    }

    public static InvalidMemberException tooLong(String member, int max) {
        return new InvalidMemberException(member, null, new MaxLength(max), null,
                member + " is longer than " + max);
    }

    public static InvalidMemberException outOfRange(String member, long value, long min, long max) {
        return new InvalidMemberException(member, null, new Range(min, max), Long.toString(value),
                member + " must be between " + min + " and " + max);
    }

    /** @param value what was sent, shown cut short and with unprintable characters replaced; or null */
    public static InvalidMemberException wrongType(String member, String expected, String value) {
        return new InvalidMemberException(member, null, new Type(expected), value == null ? null : shown(value),
                member + " must be " + expected);
    }

    /** @param value what was sent (shown cut short), or null; @param constraint as in {@link Constraint} */
    public static InvalidMemberException unsatisfied(String member, String constraint, String value) {
        return new InvalidMemberException(member, null, new Constraint(constraint), value == null ? null : shown(value),
                member + " must " + constraint);
    }

    public static InvalidMemberException notPrintable(String member) {
        return new InvalidMemberException(member, null, new Printable(), null,
                member + " must not contain control characters");
    }

    /** The member's name as the API model spells it. */
    public String member() {
        return member;
    }

    /** Where the member travels (a header, a query parameter), or null. */
    public String location() {
        return location;
    }

    public Rule rule() {
        return rule;
    }

    /** The offending value, safe to show (cut short, printable ASCII only), or null. */
    public String shownValue() {
        return shownValue;
    }

    private static String shown(String value) {
        String cut = value.length() > SHOWN_VALUE_LENGTH ? value.substring(0, SHOWN_VALUE_LENGTH) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
