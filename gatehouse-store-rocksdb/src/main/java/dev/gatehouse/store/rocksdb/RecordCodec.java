package dev.gatehouse.store.rocksdb;

import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
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
            out.writeUTF(s.userName());
            out.writeLong(s.createdAt().toEpochMilli());
            out.writeLong(s.endedAt().map(Instant::toEpochMilli).orElse(-1L));
        });
    }

    static SignInSession decodeSession(byte[] bytes) {
        return read(bytes, in -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            String id = in.readUTF();
            String userName = in.readUTF();
            Instant createdAt = Instant.ofEpochMilli(in.readLong());
            long ended = in.readLong();
            return new SignInSession(id, userName, createdAt, expiresAt,
                    ended < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ended)));
        });
    }

    static byte[] encode(TokenRecord t) {
        return write(out -> {
            out.writeLong(t.expiresAt().toEpochMilli());
            out.writeUTF(t.id());
            out.writeByte(t.kind().ordinal());
            out.writeShort(t.hash().length);
            out.write(t.hash());
            out.writeUTF(t.sessionId());
            out.writeUTF(t.clientId());
            out.writeLong(t.issuedAt().toEpochMilli());
        });
    }

    static TokenRecord decodeToken(byte[] bytes) {
        return read(bytes, in -> {
            Instant expiresAt = Instant.ofEpochMilli(in.readLong());
            String id = in.readUTF();
            TokenKind kind = TokenKind.values()[in.readByte()];
            byte[] hash = new byte[in.readShort()];
            in.readFully(hash);
            String sessionId = in.readUTF();
            String clientId = in.readUTF();
            Instant issuedAt = Instant.ofEpochMilli(in.readLong());
            return new TokenRecord(id, kind, hash, sessionId, clientId, issuedAt, expiresAt);
        });
    }

    static byte[] encode(RoleSession r) {
        return write(out -> {
            out.writeLong(r.expiresAt().toEpochMilli());
            out.writeUTF(r.accessKeyId());
            out.writeShort(r.sessionTokenHash().length);
            out.write(r.sessionTokenHash());
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
            byte[] hash = new byte[in.readShort()];
            in.readFully(hash);
            return new RoleSession(accessKeyId, hash, in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                    Instant.ofEpochMilli(in.readLong()), expiresAt);
        });
    }

    /** The expiry of any record, read from its fixed position. */
    static Instant expiresAt(byte[] bytes) {
        return read(bytes, in -> Instant.ofEpochMilli(in.readLong()));
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(V1);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] bytes, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            byte version = in.readByte();
            if (version != V1) {
                throw new IllegalStateException("Unknown record format version " + version);
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
