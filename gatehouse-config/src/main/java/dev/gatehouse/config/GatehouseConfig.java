package dev.gatehouse.config;

import dev.gatehouse.domain.directory.DirectoryFile;
import java.util.Optional;

/**
 * Everything the service is configured with.
 *
 * @param startUrl the configured start URL; empty means {@code <base URL>/start}
 * @param store    a PostgreSQL JDBC URL to keep the data in; empty means the embedded store
 * @param source   where it came from ("built-in demo directory" or the file path), for the start-up banner
 */
public record GatehouseConfig(DirectoryFile directory, Optional<String> startUrl, Limits limits, Optional<String> store,
                              String source) {
}
