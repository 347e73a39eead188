package dev.gatehouse.domain.admin;

/** Who made an admin call: the access key that signed it. Audit lines and entry stamps name it. */
public record AdminCaller(String accessKeyId) {
}
