package dev.gatehouse.store.rocksdb;

import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.TokenRecord;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Records as releases before issue 12 wrote them (format version 1), written out field by field here
 * rather than by {@link RecordCodec}, so that the codec is held to the bytes already on disk: a session
 * without its origin, a token without its source address, a role session without its end.
 */
final class OlderRecords {
    private OlderRecords() {
    }

    static byte[] sessionV1(SignInSession s) {
        return v1(out -> {
            out.writeLong(s.expiresAt().toEpochMilli());
            out.writeUTF(s.id());
            out.writeUTF(s.userId());
            out.writeLong(s.createdAt().toEpochMilli());
            out.writeLong(s.endedAt().map(java.time.Instant::toEpochMilli).orElse(-1L));
        });
    }

    static byte[] tokenV1(TokenRecord t) {
        return v1(out -> {
            out.writeLong(t.expiresAt().toEpochMilli());
            out.writeUTF(t.id());
            out.writeByte(t.kind().ordinal());
            out.writeShort(t.hash().length);
            out.write(t.hash());
            out.writeUTF(t.sessionId());
            out.writeUTF(t.clientId());
            out.writeLong(t.issuedAt().toEpochMilli());
            out.writeLong(t.rotatedAt().map(java.time.Instant::toEpochMilli).orElse(-1L));
        });
    }

    static byte[] roleSessionV1(RoleSession r) {
        return v1(out -> {
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

    private static byte[] v1(RecordCodec.Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
