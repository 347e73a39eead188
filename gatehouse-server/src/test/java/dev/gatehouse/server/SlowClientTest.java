package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gatehouse.config.Connections;
import dev.gatehouse.config.Limits;
import dev.gatehouse.config.RateLimit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;

/**
 * Clients that declare a body and never send it. Before, each held its load-shedding slot until it
 * hung up, an empty answer (a redirect, Logout's 200) was never sent, and about 1,025 of them made
 * every API call and page answer 429. Now a route that reads no body answers at once (and closes the
 * connection), a body that does not come is answered 400 at its deadline, and one address holds a
 * bounded number of connections. The normal client is the stock AWS SDK ({@link StockSdk}, whose
 * 2 s connect and 30 s read timeouts bound each call).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class SlowClientTest {
    private static final String REGISTER_HEAD = "POST /client/register HTTP/1.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 100";
    /** Heads that declare a body, on routes that read none and on routes that do. */
    private static final List<String> IDLE_HEADS = List.of(
            "GET /start HTTP/1.1\r\nContent-Length: 1",
            "POST /logout HTTP/1.1\r\nContent-Length: 2",
            "GET /assignment/accounts?account_id=1 HTTP/1.1\r\nContent-Length: 1",
            REGISTER_HEAD,
            "POST / HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 40");

    @TempDir
    Path dataDir;
    TestService service;
    final List<Socket> idle = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : idle) {
            socket.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /start", "POST /logout", "GET /assignment/accounts", "GET /health"})
    void aRouteThatReadsNoBodyAnswersWithoutWaitingForIt(String requestLine) throws Exception {
        service = new TestService(dataDir);
        RawHttp.Response response = RawHttp.exchange(service.baseUrl(), requestLine + " HTTP/1.1\r\nContent-Length: 1");
        assertThat(response.header("Connection")).hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("close"));
    }

    @Test
    void aBodyThatNeverComesIsAnsweredAtItsDeadlineAndItsSlotFreed() throws Exception {
        int slots = 4;
        service = new TestService(dataDir, new Limits(RateLimit.OFF, RateLimit.OFF, slots)
                .withConnections(new Connections(Duration.ofSeconds(10), Duration.ofSeconds(1), 0)));
        String token = service.signIn("alice");
        long start = System.nanoTime();
        for (int i = 0; i < slots; i++) {
            idle.add(RawHttp.open(service.baseUrl(), null, REGISTER_HEAD, new byte[0]));
        }
        service.awaitInFlight(slots);
        try (SsoClient sso = service.sdkClientWithoutRetries()) {
            assertThatThrownBy(() -> sso.listAccounts(r -> r.accessToken(token)))
                    .as("every slot is held by a body that has not come")
                    .isInstanceOf(TooManyRequestsException.class);
            for (Socket socket : idle) {
                RawHttp.Response response = ((RawHttp.Answered) RawHttp.receive(socket)).response();
                assertThat(response.status()).isEqualTo(400);
                assertThat(response.body()).contains("not sent in time");
                assertThat(response.header("Connection")).hasValueSatisfying(v -> assertThat(v).isEqualToIgnoringCase("close"));
            }
            System.out.printf("SlowClientTest: %d bodies that never came answered 400 after %d ms (deadline 1 s)%n",
                    slots, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            service.awaitInFlight(0);
            assertThat(sso.listAccounts(r -> r.accessToken(token)).accountList()).isNotEmpty();
        }
    }

    @Test
    void aHeadThatDoesNotArriveInTimeHasItsConnectionClosed() throws Exception {
        service = new TestService(dataDir, Limits.DEFAULTS.withConnections(new Connections(
                Duration.ofSeconds(1), Duration.ofSeconds(10), 0)));
        try (Socket socket = new Socket(service.baseUrl().getHost(), service.baseUrl().getPort())) {
            socket.setSoTimeout(RawHttp.READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write("GET /start HTTP/1.1\r\nHost: x\r\nX-Slow: a".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
        }
    }

    /** The attack without the per-address bound: more idle bodies than slots, on routes that read none. */
    @Test
    void moreIdleBodiesThanSlotsDoNotShutOutOthersWhenRoutesReadNoBody() throws Exception {
        service = new TestService(dataDir, Limits.DEFAULTS.withConnections(new Connections(
                Duration.ofSeconds(10), Duration.ofSeconds(10), 0)));
        int connections = Limits.DEFAULTS.maxInFlight() + 76;
        for (int i = 0; i < connections; i++) {
            idle.add(RawHttp.open(service.baseUrl(), null, IDLE_HEADS.get(i % 3), new byte[0]));
        }
        assertNormalClientServed(idle.size() + " idle bodies on routes that read none");
    }

    /** A thousand idle bodies from one address, on every kind of route, with the default limits. */
    @Test
    void aThousandIdleConnectionsFromOneAddressLeaveOthersServed() throws Exception {
        service = new TestService(dataDir);
        InetAddress attacker = InetAddress.getByName("127.0.0.2");
        assumeTrue(canBind(attacker), "127.0.0.2 is not usable as a local address here");
        int refused = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                idle.add(RawHttp.open(service.baseUrl(), attacker, IDLE_HEADS.get(i % IDLE_HEADS.size()), new byte[0]));
            } catch (IOException e) {
                refused++;
            }
        }
        assertNormalClientServed("1000 idle connections from 127.0.0.2 (" + refused + " refused while connecting)");
        assertThat(service.server.inFlight()).as("requests of 127.0.0.2 still in flight")
                .isLessThanOrEqualTo(Limits.DEFAULTS.connections().maxPerAddress());
        assertThat(Scrapes.value(Scrapes.scrape(service.baseUrl()).body(), "gatehouse_rejected_total{reason=\"connections_per_address\"}"))
                .as("connections past the bound closed at once")
                .isGreaterThanOrEqualTo(1000 - Limits.DEFAULTS.connections().maxPerAddress() - refused);
    }

    private void assertNormalClientServed(String meanwhile) throws Exception {
        String token = service.signIn("alice");
        long start = System.nanoTime();
        try (SsoClient sso = service.sdkClientWithoutRetries();
             SsoOidcClient oidc = StockSdk.oidc(service.baseUrl());
             HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            for (int i = 0; i < 5; i++) {
                assertThat(sso.listAccounts(r -> r.accessToken(token)).accountList()).isNotEmpty();
            }
            assertThat(oidc.registerClient(r -> r.clientName("normal").clientType("public")).clientId()).isNotBlank();
            HttpResponse<Void> page = http.send(HttpRequest.newBuilder(service.baseUrl().resolve("/start"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(page.statusCode()).isEqualTo(303);
        }
        System.out.printf("SlowClientTest: with %s, the normal client's 7 calls took %d ms%n", meanwhile,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private static boolean canBind(InetAddress local) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
