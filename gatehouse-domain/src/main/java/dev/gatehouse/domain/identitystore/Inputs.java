package dev.gatehouse.domain.identitystore;

import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InvalidMemberException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * identitystore's input rules, as its model states them: each value's length and pattern, checked
 * before anything is looked up. Members are named as AWS's validator names them (camelCase), and a
 * broken rule is a ValidationException with the validator's wording.
 */
public final class Inputs {
    static final String IDENTITY_STORE_ID =
            "d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    static final String RESOURCE_ID =
            "([0-9a-f]{10}-|)[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}";
    static final String USER_NAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";
    static final String GROUP_DISPLAY_NAME = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \u00a0]+";
    static final String SENSITIVE_STRING = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}\\t\\n\\r \u00a0\u3000]+";
    static final String EXTERNAL_ID = "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+";
    static final String ATTRIBUTE_PATH = "\\p{L}+:\\p{L}+:\\p{L}+(?:\\.\\p{L}+){0,3}|\\p{L}+(?:\\.\\p{L}+){0,2}";
    static final String NEXT_TOKEN = "[-a-zA-Z0-9+=/:_]*";
    static final String EXTENSION_NAME = "aws:identitystore:[a-z]{1,20}";
    /** The most results one page may hold, and how many a page holds when MaxResults is not given. */
    public static final int MAX_RESULTS = 100;
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Inputs() {
    }

    /** A required string: present, within its lengths, matching its pattern. */
    static String required(String member, String value, int max, String pattern) {
        if (value == null) {
            throw InvalidMemberException.missing(member);
        }
        return optional(member, value, max, pattern);
    }

    /** An optional string (null passes) within its lengths and matching its pattern. */
    static String optional(String member, String value, int max, String pattern) {
        if (value == null) {
            return null;
        }
        if (value.isEmpty()) {
            throw violation(member, "have length greater than or equal to 1");
        }
        if (value.length() > max) {
            throw InvalidMemberException.tooLong(member, max);
        }
        if (!COMPILED.computeIfAbsent(pattern, Pattern::compile).matcher(value).matches()) {
            throw violation(member, "satisfy regular expression pattern: " + pattern);
        }
        return value;
    }

    static String identityStoreId(String value) {
        return required("identityStoreId", value, 36, IDENTITY_STORE_ID);
    }

    static String resourceId(String member, String value) {
        return required(member, value, 47, RESOURCE_ID);
    }

    static String userName(String member, String value) {
        return required(member, value, 128, USER_NAME);
    }

    static String groupDisplayName(String member, String value) {
        return required(member, value, 1024, GROUP_DISPLAY_NAME);
    }

    /** identitystore's SensitiveStringType: the profile's strings, a group's description, filter values. */
    static String sensitive(String member, String value) {
        return optional(member, value, 1024, SENSITIVE_STRING);
    }

    static String attributePath(String member, String value) {
        return required(member, value, 255, ATTRIBUTE_PATH);
    }

    static String extensionName(String member, String value) {
        return required(member, value, 50, EXTENSION_NAME);
    }

    /** MaxResults, 1 to 100; {@link #MAX_RESULTS} when not given. */
    static int maxResults(Integer value) {
        if (value == null) {
            return MAX_RESULTS;
        }
        if (value < 1 || value > MAX_RESULTS) {
            throw InvalidMemberException.outOfRange("maxResults", value, 1, MAX_RESULTS);
        }
        return value;
    }

    /** UpdateUser's and UpdateGroup's Operations: 1 to 100, each with an attribute path. */
    static void operations(List<AttributeOperation> operations) {
        if (operations == null) {
            throw InvalidMemberException.missing("operations");
        }
        if (operations.isEmpty() || operations.size() > 100) {
            throw violation("operations", "have length between 1 and 100");
        }
        operations.forEach(op -> attributePath("operations.member.attributePath", op.path()));
    }

    static String nextToken(String value) {
        return optional("nextToken", value, 65535, NEXT_TOKEN);
    }

    /** The validator's message for one broken constraint: {@code Value at 'm' ... Member must <rule>}. */
    static GatehouseException violation(String member, String rule) {
        return new GatehouseException(ErrorCode.VALIDATION, "1 validation error detected: Value at '" + member
                + "' failed to satisfy constraint: Member must " + rule);
    }

    /** A request that is well formed member by member but asks for something the service does not do. */
    static GatehouseException invalid(String message) {
        return new GatehouseException(ErrorCode.VALIDATION, message);
    }
}
