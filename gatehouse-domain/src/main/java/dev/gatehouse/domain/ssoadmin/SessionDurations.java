package dev.gatehouse.domain.ssoadmin;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.directory.PermissionSet;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A permission set's SessionDuration: an ISO-8601 duration in the model's pattern ({@code PT2H},
 * {@code PT90M}, {@code P0DT4H}), whose value must lie between one and twelve hours as AWS requires.
 * Years and months have no fixed length and so never fit.
 */
final class SessionDurations {
    static final String PATTERN = "(-?)P(?=\\d|T\\d)(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)([DW]))?"
            + "(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?";
    private static final Pattern PARTS = Pattern.compile(PATTERN);
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(PermissionSet.MAX_SESSION.toSeconds());

    private SessionDurations() {
    }

    /** The duration {@code text} names, already checked against {@link ModelShape#DURATION}. */
    static Duration parse(String text) {
        Matcher m = PARTS.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a model duration: " + text);
        }
        BigDecimal seconds = BigDecimal.ZERO;
        boolean calendar = nonZero(m.group(2)) || nonZero(m.group(3));
        if (m.group(4) != null) {
            seconds = seconds.add(new BigDecimal(m.group(4)).multiply(BigDecimal.valueOf(
                    m.group(5).equals("W") ? 7 * 86_400 : 86_400)));
        }
        seconds = seconds.add(part(m.group(6), 3600)).add(part(m.group(7), 60)).add(part(m.group(8), 1));
        boolean negative = !m.group(1).isEmpty() && seconds.signum() != 0;
        if (calendar || negative || seconds.compareTo(MAX_SECONDS) > 0
                || seconds.compareTo(BigDecimal.valueOf(PermissionSet.MIN_SESSION.toSeconds())) < 0) {
            throw new GatehouseException(ErrorCode.VALIDATION, "Session duration " + text
                    + " is out of range: it must be between PT1H and PT12H");
        }
        return Duration.ofNanos(seconds.movePointRight(9).longValueExact());
    }

    private static boolean nonZero(String digits) {
        return digits != null && new BigDecimal(digits).signum() != 0;
    }

    private static BigDecimal part(String number, long unitSeconds) {
        return number == null ? BigDecimal.ZERO : new BigDecimal(number).multiply(BigDecimal.valueOf(unitSeconds));
    }
}
