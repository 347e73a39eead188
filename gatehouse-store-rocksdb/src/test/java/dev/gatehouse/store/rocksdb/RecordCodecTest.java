package dev.gatehouse.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.credentials.RoleSession;
import dev.gatehouse.domain.oidc.AuthorizationCode;
import dev.gatehouse.domain.oidc.DeviceAuthorization;
import dev.gatehouse.domain.oidc.RegisteredClient;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.store.Counter;
import dev.gatehouse.domain.token.RandomIds;
import dev.gatehouse.domain.token.TokenKind;
import dev.gatehouse.domain.token.TokenRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The on-disk records: every kind comes back field for field (absent and present optional fields,
 * empty lists, text beyond ASCII), the expiry is readable alone, and bytes that are not a whole
 * record of the known format — another version, cut short, with bytes left over, an enum value
 * out of range — are refused instead of read as something else.
 */
class RecordCodecTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00.123Z");
    private static final Instant EXPIRES = T0.plusSeconds(3600);
    private static final String NAMES = "Zoë 😀 \u0000 ünïcödé";

    /** One record kind: a sample's bytes, and how to read them back. */
    private record Kind<T>(String name, byte[] bytes, Function<byte[], T> decode) {
        static <T> Kind<T> of(String name, T sample, Function<T, byte[]> encode, Function<byte[], T> decode) {
            return new Kind<>(name, encode.apply(sample), decode);
        }
    }

    private static final byte[] HASH = RandomIds.bytes(32);

    private static final SignInSession SESSION = new SignInSession("s-1", NAMES, T0, EXPIRES, Optional.empty());
    private static final TokenRecord TOKEN = new TokenRecord("t-1", TokenKind.REFRESH, HASH, "s-1", "client-1", T0,
            EXPIRES, Optional.of(T0.plusSeconds(5)));
    private static final RoleSession ROLE = new RoleSession("ASIAAAAAAAAAAAAAAAAA", HASH, "111111111111", "Admin", NAMES,
            "s-1", T0, EXPIRES);
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
                Kind.of("session", SESSION, RecordCodec::encode, RecordCodec::decodeSession),
                Kind.of("token", TOKEN, RecordCodec::encode, RecordCodec::decodeToken),
                Kind.of("role session", ROLE, RecordCodec::encode, RecordCodec::decodeRoleSession),
                Kind.of("client", CLIENT, RecordCodec::encode, RecordCodec::decodeClient),
                Kind.of("device authorization", DEVICE, RecordCodec::encode, RecordCodec::decodeDeviceAuthorization),
                Kind.of("user code index", DEVICE.id(), id -> RecordCodec.encodeUserCodeIndex(DEVICE),
                        RecordCodec::decodeUserCodeIndex),
                Kind.of("authorization code", CODE, RecordCodec::encode, RecordCodec::decodeAuthorizationCode),
                Kind.of("counter", COUNTER, RecordCodec::encode, RecordCodec::decodeCounter));
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
    }

    @Test
    void optionalFieldsComeBackAbsentOrPresent() {
        SignInSession ended = SESSION.endedAt(T0.plusSeconds(60));
        assertThat(RecordCodec.decodeSession(RecordCodec.encode(ended)).endedAt()).contains(T0.plusSeconds(60));
        TokenRecord fresh = new TokenRecord("t-2", TokenKind.ACCESS, HASH, "s-1", "c", T0, EXPIRES, Optional.empty());
        assertThat(RecordCodec.decodeToken(RecordCodec.encode(fresh)).rotatedAt()).isEmpty();
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
            for (byte version : new byte[] {0, 2, -1}) {
                byte[] other = kind.bytes().clone();
                other[0] = version;
                assertThatThrownBy(() -> kind.decode().apply(other)).as(kind.name() + " v" + version)
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("version " + version);
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
    }
}
