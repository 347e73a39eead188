package dev.gatehouse.client.internal;

import dev.gatehouse.client.ServiceException;

/** Turns a service's error response into that service's typed exception. */
@FunctionalInterface
public interface ErrorMapper {
    ServiceException toException(AwsError error, int attempts);
}
