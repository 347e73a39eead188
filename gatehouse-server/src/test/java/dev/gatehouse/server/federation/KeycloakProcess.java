package dev.gatehouse.server.federation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Keycloak server in development mode ({@code kc.sh start-dev}) on a free loopback port, with a
 * fresh H2 database under {@code target/keycloak} and the realms of the given files imported at start.
 * It runs on the JDK of the tests, writes its output to {@code target/keycloak/keycloak.log}, and is
 * ready when the first realm's OpenID discovery document answers 200. A start that fails says why,
 * with the tail of that log.
 */
final class KeycloakProcess {
    static final Duration READY_WITHIN = Duration.ofSeconds(180);
    static final String ADMIN_USERNAME = "admin";
    static final String ADMIN_PASSWORD = "admin"; // the bootstrap admin of a throw-away test server
    private static final Path LOG = Path.of("target", "keycloak", "keycloak.log");
    private static final int LOG_TAIL_LINES = 60;

    private final Process process;
    private final URI baseUrl;
    private final Duration startedIn;

    private KeycloakProcess(Process process, URI baseUrl, Duration startedIn) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.startedIn = startedIn;
    }

    /**
     * @param realmFiles  realm exports on the test class path ({@code /keycloak/...json}), imported at start
     * @param readyRealm  the realm whose discovery document says the server is ready
     */
    static KeycloakProcess start(List<String> realmFiles, String readyRealm) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path home = KeycloakDistribution.home();
        Path data = home.resolve("data");
        KeycloakDistribution.deleteTree(data);
        Path imports = Files.createDirectories(data.resolve("import"));
        for (String realmFile : realmFiles) {
            try (InputStream in = KeycloakProcess.class.getResourceAsStream(realmFile)) {
                if (in == null) {
                    throw new IllegalStateException("No realm file " + realmFile + " on the test class path");
                }
                Files.copy(in, imports.resolve(Path.of(realmFile).getFileName().toString()));
            }
        }
        int port = freeLoopbackPort();
        Files.createDirectories(LOG.getParent());
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeAll(List.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_OPTS_KC_HEAP", "JAVA_ADD_OPENS", "KC_DB"));
        env.put("JAVA_HOME", System.getProperty("java.home")); // Keycloak 26 needs Java 21+, as the tests do
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        URI baseUrl = URI.create("http://127.0.0.1:" + port);
        try {
            awaitReady(process, baseUrl.resolve("/realms/" + readyRealm + "/.well-known/openid-configuration"));
        } catch (IOException | RuntimeException | InterruptedException e) {
            stop(process);
            throw e;
        }
        return new KeycloakProcess(process, baseUrl, Duration.ofNanos(System.nanoTime() - start));
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** From the call to {@link #start} to the first 200 (unpacking the zip included, the first time). */
    Duration startedIn() {
        return startedIn;
    }

    static Path log() {
        return LOG.toAbsolutePath();
    }

    void stop() {
        stop(process);
    }

    /** kc.sh forwards SIGTERM to its Java child; its descendants are ended too, in case it cannot. */
    private static void stop(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void awaitReady(Process process, URI probe) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                        + " before it was ready. " + logTail());
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // connection refused or reset while it starts
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within " + READY_WITHIN.toSeconds() + " s ("
                + probe + " did not answer 200). " + logTail());
    }

    static String logTail() {
        try {
            List<String> lines = new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8).lines().toList();
            return "Last lines of " + log() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log() + ": " + e.getMessage() + ")";
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
