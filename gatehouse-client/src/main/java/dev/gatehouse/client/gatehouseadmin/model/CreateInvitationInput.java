package dev.gatehouse.client.gatehouseadmin.model;

import java.util.Objects;

/** CreateInvitation's input: the user (by user name) who is to set a password through the link. */
public record CreateInvitationInput(String userName) {
    public CreateInvitationInput {
        Objects.requireNonNull(userName, "userName");
    }
}
