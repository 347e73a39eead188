package dev.gatehouse.domain.directory;

/** Who an assignment is for, as sso-admin's PrincipalType names it. */
public enum PrincipalType {
    USER, GROUP
}
