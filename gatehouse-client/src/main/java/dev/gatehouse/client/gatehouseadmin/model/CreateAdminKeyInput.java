package dev.gatehouse.client.gatehouseadmin.model;

/** CreateAdminKey's input. @param description what the key is for (up to 256 characters), or null */
public record CreateAdminKeyInput(String description) {
}
