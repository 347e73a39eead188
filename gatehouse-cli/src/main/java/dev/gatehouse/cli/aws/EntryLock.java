package dev.gatehouse.cli.aws;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on one cache entry, across processes and across the threads of this one: a
 * file lock on {@code <entry>.lock} (processes), taken while holding a lock of this JVM on the same
 * path (a JVM may hold only one file lock on a file, so its threads queue before it). Held until
 * closed. Not re-entrant: a thread that holds it must not take it again.
 */
public final class EntryLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;

    private EntryLock(ReentrantLock local, FileChannel channel) {
        this.local = local;
        this.channel = channel;
    }

    /** Waits until the entry is free, then holds it. */
    static EntryLock acquire(Path lockFile) throws IOException {
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
        local.lock();
        try {
            PrivateFiles.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                PrivateFiles.ownerOnly(lockFile);
                channel.lock();
                return new EntryLock(local, channel);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close(); // releases the file lock
        } finally {
            local.unlock();
        }
    }
}
