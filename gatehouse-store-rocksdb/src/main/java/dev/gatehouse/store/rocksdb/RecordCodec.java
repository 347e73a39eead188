package dev.gatehouse.store.rocksdb;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditOutcome;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.oidc.AuthorizationCode;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SessionOrigin;
import dev.gatehouse.domain.session.SignInMethod;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.Counter;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The on-disk form of each record: a format version byte, then the fields in a fixed order. The
 * expiry comes first after the version so that the purge can read it without decoding the rest.
 * A kind's newer version adds fields after those of the one before, and every version a release
 * wrote is still read: a session of version 1 comes back with an unrecorded origin, a token of
 * version 1 without a source address, a role session of version 1 not ended. Fields added since
 * version 1 keep text as its UTF-8 length (four bytes) and bytes, so that no length of it is refused
 * on write, and enum values by name, so that a constant added anywhere leaves old records readable.
 */
final class RecordCodec {
    private static final byte V1 = 1;
    /** Sessions with their origin, tokens with their source address, role sessions with their end. */
    private static final byte V2 = 2;
    /** The newest version of any kind: what {@link #expiresAt} reads. */
    static final byte NEWEST = V2;

    private RecordCodec() {
    }

    static byte[] encode(SignInSession s) {
        return write(V2, out -> {
            out.writeLong(s.expiresAt().toEpochMilli());
            out.writeUTF(s.id());
            out.writeUTF(s.userId());
            out.writeLong(s.createdAt().toEpochMilli());
            writeInstant(out, s.endedAt());
            writeText(out, s.origin().method().name());
            writeText(out, s.origin().clientName());
            writeText(out, s.origin().sourceAddress());
            writeText(out, s.origin().userAgent());
        });
    }

    static SignInSession decodeSession(byte[] bytes) {
        return read(bytes, V2, (version, in) -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            String id = in.readUTF();
            String userId = in.readUTF();
            Instant createdAt = Instant.ofEpochMilli(in.readLong());
            Optional<Instant> endedAt = readInstant(in);
            SessionOrigin origin = version == V1 ? SessionOrigin.UNRECORDED : new SessionOrigin(
                    SignInMethod.valueOf(readText(in)), readOptionalText(in), readOptionalText(in),
                    readOptionalText(in));
            return new SignInSession(id, userId, createdAt, expiresAt, endedAt, origin);
        });
    }

    static byte[] encode(TokenRecord t) {
        return write(V2, out -> {
            out.writeLong(t.expiresAt().toEpochMilli());
            out.writeUTF(t.id());
            out.writeByte(t.kind().ordinal());
            writeBytes(out, t.hash());
            out.writeUTF(t.sessionId());
            out.writeUTF(t.clientId());
            out.writeLong(t.issuedAt().toEpochMilli());
            writeInstant(out, t.rotatedAt());
            writeText(out, t.sourceAddress());
        });
    }

    static TokenRecord decodeToken(byte[] bytes) {
        return read(bytes, V2, (version, in) -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            String id = in.readUTF();
            TokenKind kind = TokenKind.values()[in.readByte()];
            byte[] hash = readBytes(in);
            String sessionId = in.readUTF();
            String clientId = in.readUTF();
            Instant issuedAt = Instant.ofEpochMilli(in.readLong());
            Optional<Instant> rotatedAt = readInstant(in);
            Optional<String> sourceAddress = version == V1 ? Optional.empty() : readOptionalText(in);
            return new TokenRecord(id, kind, hash, sessionId, clientId, issuedAt, expiresAt, rotatedAt, sourceAddress);
        });
    }

    static byte[] encode(RoleSession r) {
        return write(V2, out -> {
            out.writeLong(r.expiresAt().toEpochMilli());
            out.writeUTF(r.accessKeyId());
            writeBytes(out, r.sessionTokenHash());
            out.writeUTF(r.accountId());
            out.writeUTF(r.roleName());
            out.writeUTF(r.userName());
            out.writeUTF(r.signInSessionId());
            out.writeLong(r.issuedAt().toEpochMilli());
            writeInstant(out, r.endedAt());
        });
    }

    static RoleSession decodeRoleSession(byte[] bytes) {
        return read(bytes, V2, (version, in) -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            String accessKeyId = in.readUTF();
            byte[] hash = readBytes(in);
            String accountId = in.readUTF();
            String roleName = in.readUTF();
            String userName = in.readUTF();
            String signInSessionId = in.readUTF();
            Instant issuedAt = Instant.ofEpochMilli(in.readLong());
            Optional<Instant> endedAt = version == V1 ? Optional.empty() : readInstant(in);
            return new RoleSession(accessKeyId, hash, accountId, roleName, userName, signInSessionId, issuedAt,
                    expiresAt, endedAt);
        });
    }

    static byte[] encode(RegisteredClient c) {
        return write(out -> {
            out.writeLong(c.expiresAt().toEpochMilli());
            out.writeUTF(c.clientId());
            writeBytes(out, c.secretHash());
            out.writeUTF(c.clientName());
            out.writeUTF(c.clientType());
            writeStrings(out, c.scopes());
            writeStrings(out, c.redirectUris());
            writeStrings(out, c.grantTypes());
            out.writeLong(c.issuedAt().toEpochMilli());
        });
    }

    static RegisteredClient decodeClient(byte[] bytes) {
        return read(bytes, in -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            return new RegisteredClient(in.readUTF(), readBytes(in), in.readUTF(), in.readUTF(), readStrings(in),
                    readStrings(in), readStrings(in), Instant.ofEpochMilli(in.readLong()), expiresAt);
        });
    }

    static byte[] encode(DeviceAuthorization d) {
        return write(out -> {
            out.writeLong(d.expiresAt().toEpochMilli());
            out.writeUTF(d.id());
            writeBytes(out, d.deviceCodeHash());
            out.writeUTF(d.userCode());
            out.writeUTF(d.clientId());
            out.writeUTF(d.clientName());
            writeStrings(out, d.scopes());
            out.writeLong(d.createdAt().toEpochMilli());
            out.writeInt(d.intervalSeconds());
            out.writeInt(d.polls());
            writeInstant(out, d.lastPolledAt());
            out.writeByte(d.state().ordinal());
            writeString(out, d.sessionId());
        });
    }

    static DeviceAuthorization decodeDeviceAuthorization(byte[] bytes) {
        return read(bytes, in -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            String id = in.readUTF();
            byte[] hash = readBytes(in);
            String userCode = in.readUTF();
            String clientId = in.readUTF();
            String clientName = in.readUTF();
            List<String> scopes = readStrings(in);
            Instant createdAt = Instant.ofEpochMilli(in.readLong());
            int interval = in.readInt();
            int polls = in.readInt();
            Optional<Instant> lastPolled = readInstant(in);
            DeviceAuthorization.State state = DeviceAuthorization.State.values()[in.readByte()];
            return new DeviceAuthorization(id, hash, userCode, clientId, clientName, scopes, createdAt, expiresAt,
                    interval, polls, lastPolled, state, readString(in));
        });
    }

    /** The user-code index entry: the authorization's expiry (for the purge), then its id. */
    static byte[] encodeUserCodeIndex(DeviceAuthorization d) {
        return write(out -> {
            out.writeLong(d.expiresAt().toEpochMilli());
            out.writeUTF(d.id());
        });
    }

    static String decodeUserCodeIndex(byte[] bytes) {
        return read(bytes, in -> {
            in.readLong();
            return in.readUTF();
        });
    }

    static byte[] encode(AuthorizationCode c) {
        return write(out -> {
            out.writeLong(c.expiresAt().toEpochMilli());
            out.writeUTF(c.id());
            writeBytes(out, c.codeHash());
            out.writeUTF(c.clientId());
            out.writeUTF(c.redirectUri());
            out.writeUTF(c.codeChallenge());
            writeStrings(out, c.scopes());
            out.writeUTF(c.sessionId());
            out.writeLong(c.createdAt().toEpochMilli());
            out.writeBoolean(c.used());
        });
    }

    static AuthorizationCode decodeAuthorizationCode(byte[] bytes) {
        return read(bytes, in -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            return new AuthorizationCode(in.readUTF(), readBytes(in), in.readUTF(), in.readUTF(), in.readUTF(),
                    readStrings(in), in.readUTF(), Instant.ofEpochMilli(in.readLong()), expiresAt, in.readBoolean());
        });
    }

    static byte[] encode(Counter c) {
        return write(out -> {
            out.writeLong(c.expiresAt().toEpochMilli());
            out.writeUTF(c.key());
            out.writeLong(c.value());
            out.writeLong(c.updatedAt().toEpochMilli());
        });
    }

    static Counter decodeCounter(byte[] bytes) {
        return read(bytes, in -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            return new Counter(in.readUTF(), in.readLong(), Instant.ofEpochMilli(in.readLong()), expiresAt);
        });
    }

    /** An audit record (version 1): its expiry, id and time, then the event and what it concerns. */
    static byte[] encode(AuditRecord a) {
        return write(V1, out -> {
            out.writeLong(a.expiresAt().toEpochMilli());
            writeText(out, a.id());
            out.writeLong(a.time().toEpochMilli());
            writeText(out, a.event().name());
            writeText(out, a.outcome().name());
            for (Optional<String> field : List.of(a.user(), a.userId(), a.sessionId(), a.client(), a.clientId(),
                    a.sourceAddress(), a.requestId())) {
                writeText(out, field);
            }
            out.writeInt(a.details().size());
            for (Map.Entry<String, String> detail : new TreeMap<>(a.details()).entrySet()) {
                writeText(out, detail.getKey());
                writeText(out, detail.getValue());
            }
        });
    }

    static AuditRecord decodeAudit(byte[] bytes) {
        return read(bytes, V1, (version, in) -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            String id = readText(in);
            Instant time = Instant.ofEpochMilli(in.readLong());
            AuditEvent event = AuditEvent.valueOf(readText(in));
            AuditOutcome outcome = AuditOutcome.valueOf(readText(in));
            Optional<String> user = readOptionalText(in);
            Optional<String> userId = readOptionalText(in);
            Optional<String> sessionId = readOptionalText(in);
            Optional<String> client = readOptionalText(in);
            Optional<String> clientId = readOptionalText(in);
            Optional<String> sourceAddress = readOptionalText(in);
            Optional<String> requestId = readOptionalText(in);
            int count = readLength(in);
            Map<String, String> details = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                details.put(readText(in), readText(in));
            }
            return new AuditRecord(id, time, event, outcome, user, userId, sessionId, client, clientId, sourceAddress,
                    requestId, details, expiresAt);
        });
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[readLength(in)];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void writeText(DataOutputStream out, Optional<String> text) throws IOException {
        out.writeBoolean(text.isPresent());
        if (text.isPresent()) {
            writeText(out, text.get());
        }
    }

    private static Optional<String> readOptionalText(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(readText(in)) : Optional.empty();
    }

    /** A length or count, refused when negative or beyond the bytes left (each element takes at least one). */
    private static int readLength(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("length " + length + " with " + in.available() + " bytes left");
        }
        return length;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeShort(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readShort()];
        in.readFully(bytes);
        return bytes;
    }

    static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
        out.writeShort(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    static List<String> readStrings(DataInputStream in) throws IOException {
        int n = in.readShort();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    private static void writeInstant(DataOutputStream out, Optional<Instant> value) throws IOException {
        out.writeLong(value.map(Instant::toEpochMilli).orElse(-1L));
    }

    private static Optional<Instant> readInstant(DataInputStream in) throws IOException {
        long millis = in.readLong();
        return millis < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    private static void writeString(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            out.writeUTF(value.get());
        }
    }

    private static Optional<String> readString(DataInputStream in) throws IOException {
        return in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
    }

    /** The expiry of any record of any version, read from its fixed position (the rest is not read). */
    static Instant expiresAt(byte[] bytes) {
        return read(bytes, NEWEST, (version, in) -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            in.skipBytes(in.available());
            return expiresAt;
        });
    }

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** Reads the fields of one record of the version it was written in. */
    interface VersionedReader<T> {
        T read(byte version, DataInputStream in) throws IOException;
    }

    /** One record of a kind that has only its first format: the version byte, then what {@code writer} writes. */
    static byte[] write(Writer writer) {
        return write(V1, writer);
    }

    private static byte[] write(byte version, Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(version);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads one whole record. Bytes that are not one — cut short, with bytes left over, an enum value
     * out of range — are refused as corrupt rather than read as something else.
     */
    static <T> T read(byte[] bytes, Reader<T> reader) {
        return read(bytes, V1, (version, in) -> reader.read(in));
    }

    /** Reads one whole record of any version from 1 to {@code newest}, as {@link #read(byte[], Reader)} does. */
    private static <T> T read(byte[] bytes, byte newest, VersionedReader<T> reader) {
        if (bytes.length > 0 && (bytes[0] < V1 || bytes[0] > newest)) {
            throw new IllegalStateException("Unknown record format version " + bytes[0]);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            T record = reader.read(in.readByte(), in);
            if (in.available() > 0) {
                throw new IllegalStateException(in.available() + " bytes left over");
            }
            return record;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Corrupt record of " + bytes.length + " bytes: " + e.getMessage(), e);
        }
    }
}
