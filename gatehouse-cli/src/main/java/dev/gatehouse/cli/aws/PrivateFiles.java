package dev.gatehouse.cli.aws;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner can read: directories 0700, files 0600, written atomically (a temporary
 * file in the same directory, then a rename), so that a reader never sees half a file and an
 * interrupted writer leaves the old file whole. {@link #lock} serialises writers across processes.
 */
public final class PrivateFiles {
    private PrivateFiles() {
    }

    public static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException raced) {
            // another process made it first
        }
    }

    public static void writeAtomically(Path file, byte[] content) throws IOException {
        createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(content));
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A predicate on a file that may fail to read it. */
    @FunctionalInterface
    public interface FileTest {
        boolean test(Path file) throws IOException;
    }

    /** The {@code *.json} files of {@code dir} that pass {@code keep}, sorted; none when there is no such directory. */
    public static java.util.List<Path> jsonFiles(Path dir, FileTest keep) throws IOException {
        java.util.List<Path> files = new java.util.ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (java.nio.file.DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : stream) {
                if (keep.test(file)) {
                    files.add(file);
                }
            }
        }
        files.sort(null);
        return files;
    }

    /**
     * An exclusive lock on the entry {@code file} (through {@code <file>.lock}), across processes and
     * threads, held until the returned lock is closed.
     */
    public static EntryLock lock(Path file) throws IOException {
        return EntryLock.acquire(file.resolveSibling(file.getFileName() + ".lock"));
    }

    /** Makes an existing file readable and writable by its owner only. */
    static void ownerOnly(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
