package dev.gatehouse.domain.portal;

import java.util.List;
import java.util.Optional;

/** One page of a list, with the opaque token for the next page when there is one. */
public record Page<T>(List<T> items, Optional<String> nextToken) {
}
