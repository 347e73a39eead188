package dev.gatehouse.domain.error;

/**
 * The rules every text that arrives in a request keeps before anything looks it up or stores it:
 * no control characters (C0, DEL, C1) and no broken surrogate pairs. Such characters belong in no
 * identifier, name, code or token; some stores cannot even hold them (PostgreSQL refuses NUL), and
 * pages and logs would show them badly.
 */
public final class InputRules {
    private InputRules() {
    }

    /** Whether every character of {@code value} may be kept (null counts as nothing to check). */
    public static boolean isPrintable(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} unchanged when printable (or null); otherwise the member's error. */
    public static String printable(String member, String value) {
        if (!isPrintable(value)) {
            throw InvalidMemberException.notPrintable(member);
        }
        return value;
    }

    /** {@code value} unchanged when printable and at most {@code maxLength} characters (or null). */
    public static String bounded(String member, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw InvalidMemberException.tooLong(member, maxLength);
        }
        return printable(member, value);
    }
}
