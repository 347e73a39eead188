package dev.gatehouse.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.audit.AuditSink;
import dev.gatehouse.server.wire.AuditWire;
import dev.gatehouse.server.wire.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail as JSON lines, for shipping to a SIEM: one object a line ({@link AuditWire#logLine}),
 * written whole, one line at a time whatever the number of threads, and flushed at once, so that a
 * line is out before the request that made it answers. To standard output, or appended to a file that
 * is created readable by its owner only (0600). A write that fails (standard output closed or a broken
 * pipe, which a {@link PrintStream} only reports through {@link PrintStream#checkError()}) is counted,
 * the first of a run of them is logged (the event's name and id, nothing else), and the service goes
 * on: the store still keeps the record.
 */
public final class JsonLinesAuditLog implements AuditSink {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesAuditLog.class);
    private static final byte NEWLINE = '\n';

    private final OutputStream out;
    private final boolean closeOnClose;
    private final String destination;
    /** A lock, not {@code synchronized}: a virtual thread waiting for it does not pin its carrier. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Whether the last write failed; guarded by {@link #writing}. */
    private boolean failing;
    private final AtomicLong failedWrites = new AtomicLong();

    private JsonLinesAuditLog(OutputStream out, boolean closeOnClose, String destination) {
        this.out = out;
        this.closeOnClose = closeOnClose;
        this.destination = destination;
    }

    /** To the process's standard output (as it is now); closing it only flushes. */
    public static JsonLinesAuditLog stdout() {
        return new JsonLinesAuditLog(System.out, false, "standard output");
    }

    /** To any stream (tests, or a caller that owns the stream); closing it only flushes. */
    public static JsonLinesAuditLog to(OutputStream out) {
        return new JsonLinesAuditLog(out, false, out.getClass().getSimpleName());
    }

    /**
     * Appending to {@code file}, created owner-only (0600) when it does not exist; an existing file
     * keeps its permissions.
     *
     * @throws UncheckedIOException when the file cannot be made or opened for appending
     */
    public static JsonLinesAuditLog appendingTo(Path file) {
        try {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException exists) {
                // appended to as it is
            } catch (UnsupportedOperationException notPosix) {
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND).close();
            }
            return new JsonLinesAuditLog(Files.newOutputStream(file, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE), true, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(AuditRecord record) {
        byte[] line;
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(AuditWire.logLine(record));
            line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = NEWLINE;
        } catch (JsonProcessingException e) {
            LOG.error("Cannot write audit event {} ({}) as JSON", record.event().wireName(), record.id(), e);
            return;
        }
        writing.lock();
        try {
            String problem = null;
            try {
                out.write(line);
                out.flush();
                if (out instanceof PrintStream printing && printing.checkError()) {
                    problem = "the stream reports an error";
                }
            } catch (IOException e) {
                problem = e.getMessage();
            }
            if (problem != null) {
                failedWrites.incrementAndGet();
                if (!failing) {
                    LOG.error("Cannot write audit event {} ({}) to {}: {}; further failures are counted, not logged",
                            record.event().wireName(), record.id(), destination, problem);
                }
            } else if (failing) {
                LOG.warn("Audit events are written to {} again", destination);
            }
            failing = problem != null;
        } finally {
            writing.unlock();
        }
    }

    /** How many lines could not be written. */
    public long failedWrites() {
        return failedWrites.get();
    }

    @Override
    public void close() {
        writing.lock();
        try {
            if (closeOnClose) {
                out.close();
            } else {
                out.flush();
            }
        } catch (IOException e) {
            LOG.warn("Cannot close the audit log {}: {}", destination, e.getMessage());
        } finally {
            writing.unlock();
        }
    }
}
