package dev.gatehouse.store.rocksdb;

import dev.gatehouse.domain.store.StoredEntry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The on-disk form of the directory: an entry (its kind, id, unique keys and opaque body), the key it
 * is stored under ({@code kind NUL id}, which a unique key's index entry also holds), and a change-log
 * line, keyed by version and position so that RocksDB's byte order is the log's order. Records share
 * {@link RecordCodec}'s version byte and refuse bytes that are not one whole record.
 */
final class DirectoryRecords {
    private static final char SEPARATOR = '\0';

    private DirectoryRecords() {
    }

    /**
     * The key of an entry: its kind, a NUL, its id (stored as UTF-8); a kind with a NUL in it would be
     * ambiguous, and is refused.
     */
    static String entryKey(String kind, String id) {
        if (kind.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("A directory kind cannot hold a NUL character");
        }
        return kind + SEPARATOR + id;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] encode(StoredEntry entry) {
        return RecordCodec.write(out -> {
            out.writeUTF(entry.kind());
            out.writeUTF(entry.id());
            RecordCodec.writeStrings(out, entry.uniqueKeys());
            byte[] body = entry.body();
            out.writeInt(body.length);
            out.write(body);
        });
    }

    static StoredEntry decodeEntry(byte[] bytes) {
        return RecordCodec.read(bytes, in -> {
            String kind = in.readUTF();
            String id = in.readUTF();
            var uniqueKeys = RecordCodec.readStrings(in);
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new IllegalStateException("a body of " + length + " bytes in " + in.available());
            }
            byte[] body = new byte[length];
            in.readFully(body);
            return new StoredEntry(kind, id, uniqueKeys, body);
        });
    }

    /** A change-log line: the entry written at a version, and when (for the purge). */
    record LogLine(long version, String kind, String id, Instant at) {
    }

    /** A log line's key: the version, then its place within the write, both big-endian so bytes sort as numbers. */
    static byte[] logKey(long version, int position) {
        return ByteBuffer.allocate(Long.BYTES + Integer.BYTES).putLong(version).putInt(position).array();
    }

    /** The first log key after {@code version}. */
    static byte[] firstLogKeyAfter(long version) {
        return logKey(version + 1, 0);
    }

    static byte[] encode(LogLine line) {
        return RecordCodec.write(out -> {
            out.writeLong(line.at().toEpochMilli());
            out.writeUTF(line.kind());
            out.writeUTF(line.id());
        });
    }

    static LogLine decodeLogLine(byte[] key, byte[] value) {
        if (key.length != Long.BYTES + Integer.BYTES) {
            throw new IllegalStateException("Corrupt directory log key of " + key.length + " bytes");
        }
        long version = ByteBuffer.wrap(key).getLong();
        return RecordCodec.read(value, in -> {
            Instant at = Instant.ofEpochMilli(in.readLong());
            return new LogLine(version, in.readUTF(), in.readUTF(), at);
        });
    }

    /** A counter kept in the meta column family (the directory's version, the log's floor). */
    static byte[] encodeNumber(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    /** The counter, or 0 when it was never written. */
    static long decodeNumber(byte[] bytes) {
        if (bytes == null) {
            return 0;
        }
        if (bytes.length != Long.BYTES) {
            throw new IllegalStateException("Corrupt number of " + bytes.length + " bytes");
        }
        return ByteBuffer.wrap(bytes).getLong();
    }
}
