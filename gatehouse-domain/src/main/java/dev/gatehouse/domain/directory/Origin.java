package dev.gatehouse.domain.directory;

/**
 * Where a directory entry came from. The directory file is authoritative for the entries it names:
 * at each start they are made to match it, and {@code FILE} entries it no longer names are removed.
 * {@code API} entries (made through identitystore or sso-admin) are never touched by the file.
 */
public enum Origin {
    FILE, API
}
