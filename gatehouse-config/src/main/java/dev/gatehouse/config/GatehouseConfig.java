package dev.gatehouse.config;

import dev.gatehouse.domain.directory.DirectoryFile;
import java.util.Optional;

/**
 * Everything the service is configured with.
 *
 * @param startUrl    the configured start URL; empty means {@code <base URL>/start}
 * @param store       a PostgreSQL JDBC URL to keep the data in; empty means the embedded store
 * @param source      where it came from ("built-in demo directory" or the file path), for the start-up banner
 * @param idpMetadata where a SAML identity source's metadata was read from, so that an export names it again;
 *                    empty for any other identity source
 */
public record GatehouseConfig(DirectoryFile directory, Optional<String> startUrl, Limits limits, Optional<String> store,
                              String source, Optional<IdpMetadataLocation> idpMetadata) {

    public GatehouseConfig(DirectoryFile directory, Optional<String> startUrl, Limits limits, Optional<String> store,
                           String source) {
        this(directory, startUrl, limits, store, source, Optional.empty());
    }

    /**
     * The directory file's key for a SAML identity provider's metadata and its value, as a file can name
     * it again: {@code idpMetadataFile} with the path made absolute, or {@code idpMetadataUrl}.
     */
    public record IdpMetadataLocation(String key, String value) {
    }
}
