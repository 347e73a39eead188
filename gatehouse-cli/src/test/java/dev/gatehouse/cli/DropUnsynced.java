package dev.gatehouse.cli;

import dev.gatehouse.server.OutsideTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A power cut that drops what was never synced: {@code src/test/c/drop-unsynced.c}, built here with
 * the machine's C compiler and loaded into the server with {@code LD_PRELOAD}, keeps a copy of one
 * directory as a strict POSIX file system would have it after a power cut (each file as of its last
 * fsync/fdatasync, the names as of the directory's last fsync). SIGKILL freezes that copy, and
 * {@link #restoreInto} lays it out as the directory the machine would find on power-up.
 */
final class DropUnsynced {
    static final OutsideTool COMPILER = new OutsideTool("The power-cut simulation", DropUnsynced::missingCompiler,
            "install a C compiler (apt-get install gcc libc6-dev); Linux only");
    private static final Path SOURCE = Path.of("src", "test", "c", "drop-unsynced.c").toAbsolutePath();

    private final Path library;
    private final Path directory;
    private final Path shadow;

    private DropUnsynced(Path library, Path directory, Path shadow) {
        this.library = library;
        this.directory = directory;
        this.shadow = shadow;
    }

    /** Builds the preload library into {@code dir}. */
    static Path build(Path dir) throws IOException, InterruptedException {
        Path library = dir.resolve("drop-unsynced.so");
        Process cc = new ProcessBuilder("cc", "-shared", "-fPIC", "-O2", "-o", library.toString(), SOURCE.toString(),
                "-ldl", "-lpthread").redirectErrorStream(true).start();
        String output = new String(cc.getInputStream().readAllBytes());
        if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
            throw new IllegalStateException("cc could not build " + SOURCE + ":\n" + output);
        }
        return library;
    }

    /**
     * Watches {@code directory} (flat, as a RocksDB directory is) from now on; what it holds now
     * counts as durable (it was written by a process that closed it cleanly).
     */
    static DropUnsynced watch(Path library, Path directory, Path shadow) throws IOException {
        Path real = directory.toRealPath();
        Files.createDirectories(shadow);
        StringBuilder names = new StringBuilder();
        for (Path file : files(real)) {
            long inode = (Long) Files.getAttribute(file, "unix:ino");
            Files.copy(file, shadow.resolve("ino-" + inode));
            names.append(inode).append(' ').append(file.getFileName()).append('\n');
        }
        Files.writeString(shadow.resolve("names"), names);
        return new DropUnsynced(library, real, shadow.toRealPath());
    }

    /** The variables that load the library into a child process and point it here. */
    Map<String, String> environment() {
        return Map.of("LD_PRELOAD", library.toString(), "DROP_UNSYNCED_DIR", directory.toString(),
                "DROP_UNSYNCED_SHADOW", shadow.toString());
    }

    /**
     * Lays out what survives the cut in {@code target}: each name of the directory's last synced
     * listing with its file's bytes as of that file's last sync (none when it was never synced).
     */
    void restoreInto(Path target) throws IOException {
        Files.createDirectories(target);
        for (String line : Files.readAllLines(shadow.resolve("names"))) {
            String inode = line.substring(0, line.indexOf(' '));
            Path file = target.resolve(line.substring(line.indexOf(' ') + 1));
            Path gone = shadow.resolve("gone-" + inode); // unlinked since, but its name was still synced
            Path synced = Files.exists(gone) ? gone : shadow.resolve("ino-" + inode);
            if (Files.exists(synced)) {
                Files.copy(synced, file);
            } else {
                Files.createFile(file);
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).toList();
        }
    }

    private static String missingCompiler() {
        if (!System.getProperty("os.name").equals("Linux")) {
            return "LD_PRELOAD as used here works on Linux only";
        }
        try {
            Process cc = new ProcessBuilder("cc", "--version").redirectErrorStream(true).start();
            cc.getInputStream().readAllBytes();
            return cc.waitFor(30, TimeUnit.SECONDS) && cc.exitValue() == 0 ? null : "`cc --version` failed";
        } catch (IOException e) {
            return "no C compiler (`cc`) on the PATH";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
