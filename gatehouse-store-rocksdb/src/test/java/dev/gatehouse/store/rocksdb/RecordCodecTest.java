package dev.gatehouse.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditIds;
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
import dev.gatehouse.domain.token.RandomIds;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The on-disk records: every kind comes back field for field (absent and present optional fields,
 * empty lists, text beyond ASCII), records of the versions older releases wrote are still read, the
 * expiry is readable alone, and bytes that are not a whole record of a known format — another version,
 * cut short, with bytes left over, an enum value out of range, a length beyond the record — are
 * refused instead of read as something else.
 */
class RecordCodecTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00.123Z");
    private static final Instant EXPIRES = T0.plusSeconds(3600);
    private static final String NAMES = "Zoë 😀 \u0000 ünïcödé";

    /** One record kind: a sample's bytes, how to read them back, and the newest format version of the kind. */
    private record Kind<T>(String name, byte[] bytes, Function<byte[], T> decode, int newestVersion) {
        static <T> Kind<T> of(String name, T sample, Function<T, byte[]> encode, Function<byte[], T> decode) {
            return of(name, sample, encode, decode, 1);
        }

        static <T> Kind<T> of(String name, T sample, Function<T, byte[]> encode, Function<byte[], T> decode,
                              int newestVersion) {
            return new Kind<>(name, encode.apply(sample), decode, newestVersion);
        }
    }

    private static final byte[] HASH = RandomIds.bytes(32);

    private static final SignInSession SESSION = new SignInSession("s-1", NAMES, T0, EXPIRES, Optional.empty(),
            new SessionOrigin(SignInMethod.DEVICE_CODE, Optional.of(NAMES), Optional.of("2001:db8::1"),
                    Optional.of("Mozilla/5.0 " + NAMES)));
    private static final TokenRecord TOKEN = new TokenRecord("t-1", TokenKind.REFRESH, HASH, "s-1", "client-1", T0,
            EXPIRES, Optional.of(T0.plusSeconds(5)), Optional.of("203.0.113.9"));
    private static final RoleSession ROLE = new RoleSession("ASIAAAAAAAAAAAAAAAAA", HASH, "111111111111", "Admin", NAMES,
            "s-1", T0, EXPIRES, Optional.of(T0.plusSeconds(9)));
    private static final AuditRecord AUDIT = new AuditRecord(AuditIds.next(T0), T0, AuditEvent.SIGN_IN_FAILED,
            AuditOutcome.FAILURE, Optional.of(NAMES), Optional.of("u-1"), Optional.of("s-1"), Optional.of(NAMES),
            Optional.of("c-1"), Optional.of("203.0.113.9"), Optional.of("req-1"),
            Map.of("reason", "bad password", NAMES, NAMES), EXPIRES);
    private static final RegisteredClient CLIENT = new RegisteredClient("c-1", HASH, NAMES, "public",
            List.of("sso:account:access", "openid"), List.of(), List.of("authorization_code"), T0, EXPIRES);
    private static final DeviceAuthorization DEVICE = new DeviceAuthorization("d-1", HASH, "BCDF-GHJK", "c-1", NAMES,
            List.of(), T0, EXPIRES, 5, 3, Optional.of(T0.plusSeconds(7)), DeviceAuthorization.State.APPROVED,
            Optional.of("s-1"));
    private static final AuthorizationCode CODE = new AuthorizationCode("a-1", HASH, "c-1",
            "http://127.0.0.1:49152/oauth/callback", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            List.of("sso:account:access"), "s-1", T0, EXPIRES, true);
    private static final Counter COUNTER = new Counter("signin:user:" + NAMES, Long.MAX_VALUE, T0, EXPIRES);

    private static List<Kind<?>> kinds() {
        return List.of(
                Kind.of("client", CLIENT, RecordCodec::encode, RecordCodec::decodeClient),
                Kind.of("device authorization", DEVICE, RecordCodec::encode, RecordCodec::decodeDeviceAuthorization),
                Kind.of("user code index", DEVICE.id(), id -> RecordCodec.encodeUserCodeIndex(DEVICE),
                        RecordCodec::decodeUserCodeIndex),
                Kind.of("authorization code", CODE, RecordCodec::encode, RecordCodec::decodeAuthorizationCode),
                Kind.of("counter", COUNTER, RecordCodec::encode, RecordCodec::decodeCounter),
                Kind.of("session", SESSION, RecordCodec::encode, RecordCodec::decodeSession, 2),
                Kind.of("token", TOKEN, RecordCodec::encode, RecordCodec::decodeToken, 2),
                Kind.of("role session", ROLE, RecordCodec::encode, RecordCodec::decodeRoleSession, 2),
                Kind.of("session v1", SESSION, OlderRecords::sessionV1, RecordCodec::decodeSession, 2),
                Kind.of("token v1", TOKEN, OlderRecords::tokenV1, RecordCodec::decodeToken, 2),
                Kind.of("role session v1", ROLE, OlderRecords::roleSessionV1, RecordCodec::decodeRoleSession, 2),
                Kind.of("audit record", AUDIT, RecordCodec::encode, RecordCodec::decodeAudit));
    }

    @Test
    void everyKindComesBackFieldForField() {
        // records with arrays compare by identity: compare them through their fields' text
        assertThat(RecordCodec.decodeSession(RecordCodec.encode(SESSION))).isEqualTo(SESSION);
        assertThat(RecordCodec.decodeCounter(RecordCodec.encode(COUNTER))).isEqualTo(COUNTER);
        assertThat(RecordCodec.decodeUserCodeIndex(RecordCodec.encodeUserCodeIndex(DEVICE))).isEqualTo("d-1");
        assertThat(RecordCodec.decodeToken(RecordCodec.encode(TOKEN))).usingRecursiveComparison().isEqualTo(TOKEN);
        assertThat(RecordCodec.decodeRoleSession(RecordCodec.encode(ROLE))).usingRecursiveComparison().isEqualTo(ROLE);
        assertThat(RecordCodec.decodeClient(RecordCodec.encode(CLIENT))).usingRecursiveComparison().isEqualTo(CLIENT);
        assertThat(RecordCodec.decodeDeviceAuthorization(RecordCodec.encode(DEVICE))).usingRecursiveComparison()
                .isEqualTo(DEVICE);
        assertThat(RecordCodec.decodeAuthorizationCode(RecordCodec.encode(CODE))).usingRecursiveComparison()
                .isEqualTo(CODE);
        assertThat(RecordCodec.decodeAudit(RecordCodec.encode(AUDIT))).isEqualTo(AUDIT);
    }

    @Test
    void recordsOfTheFirstVersionAreReadWithTheFieldsAddedSinceLeftEmpty() {
        SignInSession ended = SESSION.endedAt(T0.plusSeconds(60));
        assertThat(RecordCodec.decodeSession(OlderRecords.sessionV1(ended))).isEqualTo(new SignInSession("s-1", NAMES,
                T0, EXPIRES, Optional.of(T0.plusSeconds(60)), SessionOrigin.UNRECORDED));
        assertThat(RecordCodec.decodeToken(OlderRecords.tokenV1(TOKEN))).usingRecursiveComparison().isEqualTo(
                new TokenRecord("t-1", TokenKind.REFRESH, HASH, "s-1", "client-1", T0, EXPIRES,
                        Optional.of(T0.plusSeconds(5)), Optional.empty()));
        assertThat(RecordCodec.decodeRoleSession(OlderRecords.roleSessionV1(ROLE))).usingRecursiveComparison()
                .isEqualTo(new RoleSession("ASIAAAAAAAAAAAAAAAAA", HASH, "111111111111", "Admin", NAMES, "s-1", T0,
                        EXPIRES, Optional.empty()));
        assertThat(RecordCodec.encode(SESSION)[0]).as("written in the newest version").isEqualTo((byte) 2);
    }

    @Test
    void textOfAnyLengthComesBackInTheFieldsAddedSinceTheFirstVersion() {
        String long70k = "x".repeat(70_000);
        SignInSession session = new SignInSession("s-1", "u", T0, EXPIRES, Optional.empty(),
                SessionOrigin.browser("2001:db8::1", long70k));
        assertThat(RecordCodec.decodeSession(RecordCodec.encode(session))).isEqualTo(session);
        AuditRecord audit = new AuditRecord(AUDIT.id(), T0, AuditEvent.SIGN_IN_FAILED, AuditOutcome.FAILURE,
                Optional.of(long70k), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of("userAgent", long70k), EXPIRES);
        assertThat(RecordCodec.decodeAudit(RecordCodec.encode(audit))).isEqualTo(audit);
    }

    @Test
    void optionalFieldsComeBackAbsentOrPresent() {
        SignInSession ended = SESSION.endedAt(T0.plusSeconds(60));
        assertThat(RecordCodec.decodeSession(RecordCodec.encode(ended)).endedAt()).contains(T0.plusSeconds(60));
        TokenRecord fresh = new TokenRecord("t-2", TokenKind.ACCESS, HASH, "s-1", "c", T0, EXPIRES, Optional.empty());
        assertThat(RecordCodec.decodeToken(RecordCodec.encode(fresh))).usingRecursiveComparison().isEqualTo(fresh);
        SignInSession unrecorded = new SignInSession("s-2", "u", T0, EXPIRES, Optional.empty());
        assertThat(RecordCodec.decodeSession(RecordCodec.encode(unrecorded))).isEqualTo(unrecorded);
        SignInSession browser = new SignInSession("s-3", "u", T0, EXPIRES, Optional.empty(),
                SessionOrigin.browser(null, null));
        assertThat(RecordCodec.decodeSession(RecordCodec.encode(browser))).isEqualTo(browser);
        RoleSession live = new RoleSession("ASIABBBBBBBBBBBBBBBB", HASH, "1", "r", "u", "s", T0, EXPIRES);
        assertThat(RecordCodec.decodeRoleSession(RecordCodec.encode(live))).usingRecursiveComparison().isEqualTo(live);
        AuditRecord bare = new AuditRecord(AuditIds.next(T0), T0, AuditEvent.ADMIN_CALL, AuditOutcome.DENIED,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Map.of(), EXPIRES);
        assertThat(RecordCodec.decodeAudit(RecordCodec.encode(bare))).isEqualTo(bare);
        DeviceAuthorization pending = new DeviceAuthorization("d-2", HASH, "BCDF-GHJK", "c-1", "tool", List.of("a"),
                T0, EXPIRES, 1, 0, Optional.empty(), DeviceAuthorization.State.PENDING, Optional.empty());
        assertThat(RecordCodec.decodeDeviceAuthorization(RecordCodec.encode(pending))).usingRecursiveComparison()
                .isEqualTo(pending);
    }

    @Test
    void everyEnumValueComesBack() {
        for (TokenKind kind : TokenKind.values()) {
            TokenRecord t = new TokenRecord("t", kind, HASH, "s", "c", T0, EXPIRES, Optional.empty());
            assertThat(RecordCodec.decodeToken(RecordCodec.encode(t)).kind()).isEqualTo(kind);
        }
        for (DeviceAuthorization.State state : DeviceAuthorization.State.values()) {
            DeviceAuthorization d = DEVICE.withState(state, Optional.empty());
            assertThat(RecordCodec.decodeDeviceAuthorization(RecordCodec.encode(d)).state()).isEqualTo(state);
        }
        for (SignInMethod method : SignInMethod.values()) {
            SignInSession s = new SignInSession("s", "u", T0, EXPIRES, Optional.empty(),
                    new SessionOrigin(method, Optional.empty(), Optional.empty(), Optional.empty()));
            assertThat(RecordCodec.decodeSession(RecordCodec.encode(s)).origin().method()).isEqualTo(method);
        }
        for (AuditEvent event : AuditEvent.values()) {
            for (AuditOutcome outcome : AuditOutcome.values()) {
                AuditRecord a = new AuditRecord(AUDIT.id(), T0, event, outcome, Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        Map.of(), EXPIRES);
                assertThat(RecordCodec.decodeAudit(RecordCodec.encode(a))).isEqualTo(a);
            }
        }
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        Instant precise = Instant.parse("2026-11-24T12:00:00.123456789Z");
        SignInSession s = new SignInSession("s", "u", precise, precise, Optional.of(precise));
        SignInSession back = RecordCodec.decodeSession(RecordCodec.encode(s));
        assertThat(back.createdAt()).isEqualTo(Instant.parse("2026-11-24T12:00:00.123Z"));
        assertThat(back.endedAt()).contains(Instant.parse("2026-11-24T12:00:00.123Z"));
    }

    @Test
    void theExpiryOfEveryKindIsReadableAlone() {
        for (Kind<?> kind : kinds()) {
            assertThat(RecordCodec.expiresAt(kind.bytes())).as(kind.name()).isEqualTo(EXPIRES);
        }
    }

    @Test
    void anotherFormatVersionIsRefused() {
        for (Kind<?> kind : kinds()) {
            for (byte version : new byte[] {0, (byte) (kind.newestVersion() + 1), -1}) {
                byte[] other = kind.bytes().clone();
                other[0] = version;
                assertThatThrownBy(() -> kind.decode().apply(other)).as(kind.name() + " v" + version)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("version " + version);
            }
            for (byte version : new byte[] {0, RecordCodec.NEWEST + 1, -1}) {
                byte[] other = kind.bytes().clone();
                other[0] = version;
                assertThatThrownBy(() -> RecordCodec.expiresAt(other)).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void aRecordCutShortAnywhereIsRefused() {
        for (Kind<?> kind : kinds()) {
            for (int length = 0; length < kind.bytes().length; length++) {
                byte[] cut = Arrays.copyOf(kind.bytes(), length);
                assertThatThrownBy(() -> kind.decode().apply(cut)).as(kind.name() + " cut to " + cut.length)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("orrupt");
            }
        }
    }

    @Test
    void bytesLeftOverAfterARecordAreRefused() {
        for (Kind<?> kind : kinds()) {
            byte[] longer = Arrays.copyOf(kind.bytes(), kind.bytes().length + 1);
            assertThatThrownBy(() -> kind.decode().apply(longer)).as(kind.name())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("orrupt");
        }
    }

    @Test
    void aRecordOfOneKindIsNotReadAsAnother() {
        byte[] token = RecordCodec.encode(TOKEN);
        assertThatThrownBy(() -> RecordCodec.decodeSession(token)).isInstanceOf(IllegalStateException.class);
        byte[] session = RecordCodec.encode(SESSION);
        assertThatThrownBy(() -> RecordCodec.decodeCounter(session)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEnumValueOutOfRangeIsRefused() {
        byte[] token = RecordCodec.encode(TOKEN);
        int kindAt = 1 + 8 + 2 + TOKEN.id().length();
        assertThat(token[kindAt]).isEqualTo((byte) TokenKind.REFRESH.ordinal());
        token[kindAt] = (byte) TokenKind.values().length;
        assertThatThrownBy(() -> RecordCodec.decodeToken(token)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orrupt");
        byte[] device = RecordCodec.encode(DEVICE);
        // the state is the byte before the session id (a presence flag and the two-byte length of "s-1")
        int stateAt = device.length - 1 - 1 - 2 - "s-1".length();
        assertThat(device[stateAt]).isEqualTo((byte) DeviceAuthorization.State.APPROVED.ordinal());
        device[stateAt] = -1;
        assertThatThrownBy(() -> RecordCodec.decodeDeviceAuthorization(device)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orrupt");
        // the enums added since the first version are kept by name: an unknown name is refused
        byte[] session = renamed(RecordCodec.encode(SESSION), "DEVICE_CODE", "DEVICE_CODX");
        assertThatThrownBy(() -> RecordCodec.decodeSession(session)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orrupt");
        byte[] audit = renamed(RecordCodec.encode(AUDIT), "SIGN_IN_FAILED", "SIGN_IN_FAILEX");
        assertThatThrownBy(() -> RecordCodec.decodeAudit(audit)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orrupt");
        byte[] outcome = renamed(RecordCodec.encode(AUDIT), "FAILURE", "FAILURX");
        assertThatThrownBy(() -> RecordCodec.decodeAudit(outcome)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orrupt");
    }

    /** The bytes with the one occurrence of {@code name} replaced by {@code other} (of the same length). */
    private static byte[] renamed(byte[] bytes, String name, String other) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text.indexOf(name)).isNotNegative().isEqualTo(text.lastIndexOf(name));
        return text.replace(name, other).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aLengthBeyondTheRecordIsRefusedWithoutReadingFurther() {
        byte[] audit = RecordCodec.encode(AUDIT);
        // the id's length: after the version byte and the expiry
        ByteBuffer.wrap(audit).putInt(1 + 8, Integer.MAX_VALUE);
        assertThatThrownBy(() -> RecordCodec.decodeAudit(audit)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orrupt");
        byte[] negative = RecordCodec.encode(AUDIT);
        ByteBuffer.wrap(negative).putInt(1 + 8, -1);
        assertThatThrownBy(() -> RecordCodec.decodeAudit(negative)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orrupt");
    }
}
