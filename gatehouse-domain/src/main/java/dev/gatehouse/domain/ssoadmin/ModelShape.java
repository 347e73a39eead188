package dev.gatehouse.domain.ssoadmin;

import dev.gatehouse.domain.error.InvalidMemberException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One string shape of the sso-admin model: its length bounds and its pattern, checked in the model's
 * order (length, then pattern), each failure an {@link InvalidMemberException} naming the member as
 * AWS's validator does (lower camel case).
 */
record ModelShape(int min, int max, String patternText, Pattern pattern) {
    static final ModelShape INSTANCE_ARN = of(10, 1224,
            "arn:aws(-[a-z]{1,5}){0,3}:sso:::instance/(sso)?ins-[a-zA-Z0-9-.]{16}");
    static final ModelShape PERMISSION_SET_ARN = of(10, 1224,
            "arn:aws(-[a-z]{1,5}){0,3}:sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}");
    static final ModelShape PERMISSION_SET_NAME = of(1, 32, "[\\w+=,.@-]+");
    static final ModelShape DESCRIPTION = of(1, 700, "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    static final ModelShape DURATION = of(1, 100, SessionDurations.PATTERN);
    static final ModelShape RELAY_STATE = of(1, 240,
            "[a-zA-Z0-9&$@#\\\\\\/%?=~\\-_'\"|!:,.;*+\\[\\]\\ \\(\\)\\{\\}]+");
    static final ModelShape ACCOUNT_ID = of(12, 12, "\\d{12}");
    static final ModelShape PRINCIPAL_ID = of(1, 47,
            "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}");
    static final ModelShape REQUEST_ID = of(36, 36,
            "\\b[0-9a-f]{8}\\b-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-\\b[0-9a-f]{12}\\b");
    static final ModelShape TAG_KEY = of(1, 128, "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");
    static final ModelShape TAG_VALUE = of(0, 256, "([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)");
    static final ModelShape TAGGABLE_ARN = of(10, 2048, "arn:aws(-[a-z]{1,5}){0,3}:sso::((:instance/(sso)?"
            + "ins-[a-zA-Z0-9-.]{16})|(:permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16})|"
            + "(\\d{12}:application/(sso)?ins-[a-zA-Z0-9-.]{16}/apl-[a-zA-Z0-9]{16})|(\\d{12}:trustedTokenIssuer/"
            + "(sso)?ins-[a-zA-Z0-9-.]{16}/tti-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}))");
    static final ModelShape MANAGED_POLICY_ARN = of(20, 2048,
            "arn:aws(-[a-z]{1,5}){0,3}:iam::aws:policy((/[A-Za-z0-9\\.,\\+@=_-]+)*)/([A-Za-z0-9\\.,\\+=@_-]+)");
    static final ModelShape MANAGED_POLICY_NAME = of(1, 128, "[\\w+=,.@-]+");
    static final ModelShape MANAGED_POLICY_PATH = of(1, 512, "((/[A-Za-z0-9\\.,\\+@=_-]+)*)/");
    static final ModelShape POLICY_DOCUMENT = of(1, 32768, "[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");

    private static ModelShape of(int min, int max, String pattern) {
        return new ModelShape(min, max, pattern, Pattern.compile(pattern));
    }

    /** {@code value} when it fits the shape; absent stays absent. */
    Optional<String> check(String member, Optional<String> value) {
        value.ifPresent(v -> check(member, v));
        return value;
    }

    /** {@code value} when present and fitting the shape. */
    String require(String member, String value) {
        if (value == null) {
            throw InvalidMemberException.missing(member);
        }
        return check(member, value);
    }

    private String check(String member, String value) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw InvalidMemberException.tooLong(member, max);
        }
        if (length < min) {
            throw InvalidMemberException.unsatisfied(member, "have length greater than or equal to " + min, value);
        }
        if (!pattern.matcher(value).matches()) {
            throw InvalidMemberException.unsatisfied(member, "satisfy regular expression pattern: " + patternText,
                    value);
        }
        return value;
    }

    /** The enum constant {@code value} names; anything else is the model's enum error. */
    static <E extends Enum<E>> E oneOf(String member, String value, Class<E> type) {
        if (value == null) {
            throw InvalidMemberException.missing(member);
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        throw InvalidMemberException.unsatisfied(member, "satisfy enum value set: "
                + Arrays.toString(type.getEnumConstants()), value);
    }
}
