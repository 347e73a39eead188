package dev.gatehouse.domain.directory;

import java.util.List;

/**
 * Anything the live directory holds in the store: a kind, an id unique within the kind, and the
 * unique keys the store must keep for it (a user name, a group's display name, …), so that two
 * instances can never make two users of one name.
 */
public sealed interface DirectoryEntry permits User, Group, Membership, PermissionSet, Assignment, AdminKey,
        RequestStatus, Invitation {

    EntryKind kind();

    String id();

    List<String> uniqueKeys();
}
