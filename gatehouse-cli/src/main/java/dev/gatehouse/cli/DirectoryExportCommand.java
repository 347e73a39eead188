package dev.gatehouse.cli;

import dev.gatehouse.config.DirectoryWriter;
import dev.gatehouse.config.GatehouseConfig;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryIds;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.store.StoreUnavailableException;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.rocksdb.RocksDbStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gatehouse directory export}: writes the live directory — what the directory file made and what
 * the admin APIs made — as a directory file that {@code serve --config} accepts and that imports to the
 * same directory. It reads the store directly: PostgreSQL while instances run on it; the embedded store
 * opened read-only, which works beside the service that holds it. The file holds password hashes, TOTP
 * secrets and the bootstrap admin keys' secrets, so it is made readable by its owner only.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the live directory as a directory file (YAML) that serve --config accepts.")
public final class DirectoryExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The directory configuration the service runs with: its accounts, settings and admin "
                    + "keys go into the export (default: the built-in demo directory).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./gatehouse-data",
            description = "The service's data directory (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--store", paramLabel = "URL",
            description = "Read from PostgreSQL (a jdbc:postgresql:// URL); also read from the environment variable "
                    + StoreUrls.STORE_VARIABLE + " or the config's 'store:'.")
    String storeOption;

    @Option(names = "--output", paramLabel = "FILE", description = "Write here (owner-only permissions) instead of "
            + "to standard output.")
    Path output;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        GatehouseConfig loaded = ConfigFiles.loadOrReport(config, err);
        if (loaded == null) {
            return 1;
        }
        String storeUrl = StoreUrls.choose(storeOption, environment, loaded);
        if (StoreUrls.refused(storeUrl, err)) {
            return 2;
        }
        String from = storeUrl == null ? data.toAbsolutePath().normalize().toString()
                : "PostgreSQL " + StoreUrls.redact(storeUrl);
        DirectoryWriter.Export export;
        try (GatehouseStore store = storeUrl == null ? RocksDbStore.openReadOnly(data.resolve("rocksdb"))
                : PostgresStore.open(storeUrl)) {
            export = DirectoryWriter.write(loaded, load(loaded.directory(), store), header(from));
        } catch (StoreUnavailableException e) {
            err.println("gatehouse: " + e.getMessage());
            return 1;
        }
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(export.yaml());
            out.flush();
        } else {
            writeOwnerOnly(output, export.yaml());
        }
        err.println("gatehouse: the export holds password hashes, TOTP secrets, admin key secrets and any OIDC client secret: keep it private"
                + (output == null ? "" : "; " + output + " is readable and writable by its owner only"));
        export.leftOut().forEach(line -> err.println("gatehouse: left out: " + line));
        err.flush();
        return 0;
    }

    /** The directory as the store holds it now; the file is not imported. */
    private static Directory load(DirectoryFile file, GatehouseStore store) {
        Directory directory = new Directory(file.region(), file.signInSessionDuration(), file.browserIdleTimeout(),
                file.accounts(), new DirectoryIds(store.instanceKey()));
        new LiveDirectory(directory, store, InstantSource.system()).reload();
        return directory;
    }

    private String header(String from) {
        return """
                Gatehouse directory exported %s from %s.
                It holds password hashes, TOTP secrets, admin key secrets and any OIDC client secret: keep it private.
                Start Gatehouse with it: gatehouse serve --config FILE. Every entry in it is then the file's
                (see README, "The directory file and the admin APIs together"). Limits and the store are not
                exported: copy them from your configuration%s.
                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), from,
                config == null ? "" : " (" + config + ")");
    }

    /**
     * Writes the text to a new file made owner-only from the start, then moves it over {@code target},
     * so that the secrets are never readable by others, not even for a moment nor through an older file's
     * looser permissions.
     */
    private static void writeOwnerOnly(Path target, String text) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Path temporary = parent.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot make " + temporary + ": it exists", e);
        }
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
