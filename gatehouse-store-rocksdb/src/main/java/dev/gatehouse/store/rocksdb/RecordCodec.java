package dev.gatehouse.store.rocksdb;

import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.oidc.AuthorizationCode;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.RegisteredClient;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The on-disk form of each record: a format version byte, then the fields in a fixed order. The
 * expiry comes first after the version so that the purge can read it without decoding the rest.
 */
final class RecordCodec {
    private static final byte V1 = 1;

    private RecordCodec() {
    }

    static byte[] encode(SignInSession s) {
        return write(out -> {
            out.writeLong(s.expiresAt().toEpochMilli());
            out.writeUTF(s.id());
            out.writeUTF(s.userId());
            out.writeLong(s.createdAt().toEpochMilli());
            writeInstant(out, s.endedAt());
        });
    }

    static SignInSession decodeSession(byte[] bytes) {
        return read(bytes, in -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            String id = in.readUTF();
            String userName = in.readUTF();
            Instant createdAt = Instant.ofEpochMilli(in.readLong());
            return new SignInSession(id, userName, createdAt, expiresAt, readInstant(in));
        });
    }

    static byte[] encode(TokenRecord t) {
        return write(out -> {
            out.writeLong(t.expiresAt().toEpochMilli());
            out.writeUTF(t.id());
            out.writeByte(t.kind().ordinal());
            writeBytes(out, t.hash());
            out.writeUTF(t.sessionId());
            out.writeUTF(t.clientId());
            out.writeLong(t.issuedAt().toEpochMilli());
            writeInstant(out, t.rotatedAt());
        });
    }

    static TokenRecord decodeToken(byte[] bytes) {
        return read(bytes, in -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            String id = in.readUTF();
            TokenKind kind = TokenKind.values()[in.readByte()];
            byte[] hash = readBytes(in);
            String sessionId = in.readUTF();
            String clientId = in.readUTF();
            Instant issuedAt = Instant.ofEpochMilli(in.readLong());
            return new TokenRecord(id, kind, hash, sessionId, clientId, issuedAt, expiresAt, readInstant(in));
        });
    }

    static byte[] encode(RoleSession r) {
        return write(out -> {
            out.writeLong(r.expiresAt().toEpochMilli());
            out.writeUTF(r.accessKeyId());
            writeBytes(out, r.sessionTokenHash());
            out.writeUTF(r.accountId());
            out.writeUTF(r.roleName());
            out.writeUTF(r.userName());
            out.writeUTF(r.signInSessionId());
            out.writeLong(r.issuedAt().toEpochMilli());
        });
    }

    static RoleSession decodeRoleSession(byte[] bytes) {
        return read(bytes, in -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            String accessKeyId = in.readUTF();
            byte[] hash = readBytes(in);
            return new RoleSession(accessKeyId, hash, in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                    Instant.ofEpochMilli(in.readLong()), expiresAt);
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

    /** The expiry of any record, read from its fixed position (the rest is not read). */
    static Instant expiresAt(byte[] bytes) {
        return read(bytes, in -> {
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

    /** One record of the current format: the version byte, then what {@code writer} writes. */
    static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(V1);
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
        if (bytes.length > 0 && bytes[0] != V1) {
            throw new IllegalStateException("Unknown record format version " + bytes[0]);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.readByte();
            T record = reader.read(in);
            if (in.available() > 0) {
                throw new IllegalStateException(in.available() + " bytes left over");
            }
            return record;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Corrupt record of " + bytes.length + " bytes: " + e.getMessage(), e);
        }
    }
}
