package dev.gatehouse.config;

/** The configuration cannot be used. The message reads {@code FILE:LINE: what is wrong}. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
