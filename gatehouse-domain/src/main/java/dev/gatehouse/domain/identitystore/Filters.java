package dev.gatehouse.domain.identitystore;

import dev.gatehouse.domain.error.InvalidMemberException;
import java.util.List;
import java.util.Optional;

/**
 * The rules of ListUsers' and ListGroups' filters (at most one, an equality on the one attribute each
 * list may be filtered on) and of the values GetUserId and GetGroupId look up.
 */
final class Filters {
    private Filters() {
    }

    /** The one filter, on {@code path} (compared without regard to case), or none. */
    static Optional<Filter> single(List<Filter> filters, String path) {
        if (filters == null || filters.isEmpty()) {
            return Optional.empty();
        }
        if (filters.size() > 1) {
            throw Inputs.violation("filters", "have length less than or equal to 1");
        }
        Filter filter = filters.getFirst();
        Inputs.attributePath("filters.member.attributePath", filter.path());
        if (filter.value() == null) {
            throw InvalidMemberException.missing("filters.member.attributeValue");
        }
        Inputs.sensitive("filters.member.attributeValue", filter.value());
        if (!filter.path().equalsIgnoreCase(path)) {
            throw Inputs.invalid("Filtering on " + filter.path() + " is not supported; the only attribute path is "
                    + path);
        }
        return Optional.of(filter);
    }

    /** A unique attribute's value: a non-empty string. */
    static String stringValue(Object value) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            throw Inputs.invalid("attribute value cannot be empty or null for attribute path");
        }
        if (!(value instanceof String s)) {
            throw InvalidMemberException.wrongType("alternateIdentifier.uniqueAttribute.attributeValue", "a string",
                    null);
        }
        return Inputs.sensitive("alternateIdentifier.uniqueAttribute.attributeValue", s);
    }
}
