package dev.gatehouse.domain.identitystore;

/** What a missing identitystore resource was, as the API's {@code ResourceType} names it. */
public enum ResourceType {
    USER, GROUP, IDENTITY_STORE, GROUP_MEMBERSHIP
}
