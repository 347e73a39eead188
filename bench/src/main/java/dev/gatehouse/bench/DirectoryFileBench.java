package dev.gatehouse.bench;

import dev.gatehouse.config.ConfigLoader;
import dev.gatehouse.config.DirectoryWriter;
import dev.gatehouse.config.GatehouseConfig;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryFile.FileUser;
import dev.gatehouse.domain.directory.PrincipalType;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.store.rocksdb.RocksDbStore;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How long the directory file takes at the large size ({@link LargeDirectory}: 10,000 users,
 * 1,000 groups, 1,000 accounts, 100 permission sets, 100,000 assignments), on the embedded store:
 * the first import, the export (whose output is the generated YAML file, kept as
 * {@code WORK_DIR/large-directory.yaml}), loading that file, a restart with it unchanged, importing it
 * into an empty store, and a restart with 1,000 of its users dropped. Usage:
 * {@code DirectoryFileBench WORK_DIR} (bench/run-directory-file).
 */
public final class DirectoryFileBench {
    private static final int DROPPED_USERS = 1_000;

    private DirectoryFileBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        GatehouseConfig demo = ConfigLoader.demo();
        DirectoryFile large = LargeDirectory.around(demo.directory());
        Path yaml = work.resolve("large-directory.yaml");

        try (GatehouseStore store = RocksDbStore.open(work.resolve("first/rocksdb"))) {
            Gatehouse first = timed("first import of the generated directory", () ->
                    Gatehouse.create(large, store, InstantSource.system()));
            DirectoryWriter.Export export = timed("export", () ->
                    DirectoryWriter.write(demo, first.directory(), "the issue's large directory"));
            export.leftOut().forEach(line -> System.out.println("  left out: " + line));
            Files.writeString(yaml, export.yaml());
            System.out.printf("  %s: %,d bytes, %,d code points, %,d lines%n", yaml, Files.size(yaml),
                    export.yaml().codePointCount(0, export.yaml().length()), export.yaml().lines().count());
        }
        GatehouseConfig loaded = timed("load the YAML file (parse and check)", () -> ConfigLoader.load(yaml));
        System.out.printf("  %,d users, %,d groups, %,d accounts, %,d permission sets, %,d assignments%n",
                loaded.directory().users().size(), loaded.directory().groups().size(),
                loaded.directory().accounts().size(), loaded.directory().permissionSets().size(),
                loaded.directory().assignments().size());
        try (GatehouseStore store = RocksDbStore.open(work.resolve("first/rocksdb"))) {
            long version = store.loadDirectory().version();
            timed("restart with the file unchanged", () -> Gatehouse.create(loaded.directory(), store,
                    InstantSource.system()));
            System.out.printf("  versions written: %d%n", store.loadDirectory().version() - version);
            DirectoryFile smaller = withoutUsers(loaded.directory());
            Gatehouse edited = timed("restart with " + DROPPED_USERS + " users dropped from the file", () ->
                    Gatehouse.create(smaller, store, InstantSource.system()));
            System.out.printf("  now %,d users, %,d groups, %,d assignments%n",
                    edited.directory().users().size(), edited.directory().groupsAfter(null).size(),
                    edited.directory().assignments().size());
        }
        try (GatehouseStore store = RocksDbStore.open(work.resolve("second/rocksdb"))) {
            timed("import of the YAML file into an empty store", () -> Gatehouse.create(loaded.directory(), store,
                    InstantSource.system()));
        }
    }

    /** The file without its first {@link #DROPPED_USERS} generated users and the assignments that name them. */
    private static DirectoryFile withoutUsers(DirectoryFile file) {
        Set<String> dropped = file.users().stream().map(FileUser::userName).filter(n -> n.startsWith("user"))
                .limit(DROPPED_USERS).collect(Collectors.toSet());
        return new DirectoryFile(file.region(), file.signInSessionDuration(), file.browserIdleTimeout(),
                file.users().stream().filter(u -> !dropped.contains(u.userName())).toList(), file.groups(),
                file.accounts(), file.permissionSets(), file.assignments().stream()
                        .filter(a -> a.principalType() != PrincipalType.USER || !dropped.contains(a.principal()))
                        .toList(), file.adminKeys());
    }

    /** Runs the step and prints its wall time and the CPU time the whole process spent on it. */
    private static <T> T timed(String what, Supplier<T> step) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long started = System.nanoTime();
        T result = step.get();
        System.out.printf("%-55s %6.2f s wall, %6.2f s CPU%n", what, (System.nanoTime() - started) / 1e9,
                (os.getProcessCpuTime() - cpu) / 1e9);
        return Optional.of(result).orElseThrow();
    }
}
