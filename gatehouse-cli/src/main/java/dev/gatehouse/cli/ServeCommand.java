package dev.gatehouse.cli;

import dev.gatehouse.config.ConfigLoader;
import dev.gatehouse.config.GatehouseConfig;
import dev.gatehouse.domain.Gatehouse;
import dev.gatehouse.domain.admin.AdminKeyPepper;
import dev.gatehouse.domain.audit.AuditSink;
import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.User;
import java.util.Comparator;
import dev.gatehouse.domain.store.GatehouseStore;
import dev.gatehouse.domain.store.StoreUnavailableException;
import dev.gatehouse.server.GatehouseServer;
import dev.gatehouse.server.ServerSettings;
import dev.gatehouse.server.audit.JsonLinesAuditLog;
import dev.gatehouse.server.limits.SharedRateLimitBuckets;
import dev.gatehouse.store.postgres.PostgresStore;
import dev.gatehouse.store.rocksdb.RocksDbStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import sun.misc.Signal;

/**
 * {@code gatehouse serve}: loads the directory, opens the store, serves until stopped. SIGTERM and
 * SIGINT stop it gracefully (no new connections, the requests in flight finish within
 * {@link #STOP_GRACE}, the store is closed) and it exits 0; stopped any other way (SIGHUP), a
 * shutdown hook still closes the server and the store. The audit trail goes, as JSON lines, to
 * standard output or to the file {@code --audit-log} names.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the service. Without --config, a built-in demo directory is used.")
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "Directory configuration (YAML).")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./gatehouse-data",
            description = "Where sessions, tokens and credentials are kept (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--store", paramLabel = "URL",
            description = "Keep sessions and tokens in PostgreSQL (a jdbc:postgresql:// URL) so that several "
                    + "instances can share them; also read from the environment variable " + STORE_VARIABLE
                    + " or the config's 'store:'; default: the embedded store under --data.")
    String storeOption;

    @Option(names = "--admin-key-pepper-file", paramLabel = "FILE",
            description = "A file holding the secret (at least " + AdminKeyPepper.MIN_LENGTH + " characters, the same on "
                    + "every instance) that admin key secrets are derived with, so that a copy of the store cannot "
                    + "recreate them; also read from the environment variable " + PEPPER_VARIABLE + ".")
    Path pepperFile;

    /** The process environment; tests replace it. */
    Map<String, String> environment = System.getenv();

    static final String STORE_VARIABLE = StoreUrls.STORE_VARIABLE;
    static final String PEPPER_VARIABLE = "GATEHOUSE_ADMIN_KEY_PEPPER";
    /** How long a stop waits for the requests in flight: longer than the default body deadline. */
    static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private String storeUrl;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The URL browsers and identity providers reach the service at, e.g. https://sso.example.com "
                    + "(behind a reverse proxy, the proxy's); SAML names the service by it. Default: the address it "
                    + "listens on.")
    URI publicUrl;

    @Option(names = "--audit-log", paramLabel = "PATH|-", defaultValue = "-",
            description = "Where the audit trail is written as JSON lines: appended to PATH (created readable by "
                    + "its owner only), or '-' for standard output (default: ${DEFAULT-VALUE}).")
    String auditLog;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        GatehouseConfig loaded = ConfigFiles.loadOrReport(config, err);
        if (loaded == null) {
            return 1;
        }
        storeUrl = StoreUrls.choose(storeOption, environment, loaded);
        if (StoreUrls.refused(storeUrl, err)) {
            return 2;
        }
        if (publicUrl != null && !isServiceUrl(publicUrl)) {
            err.println("gatehouse: --public-url must be an http:// or https:// URL with a host and no path, query "
                    + "or fragment, was " + publicUrl);
            return 2;
        }
        Optional<AdminKeyPepper> pepper;
        try {
            pepper = adminKeyPepper();
        } catch (IllegalArgumentException | IOException e) {
            err.println("gatehouse: " + e.getMessage());
            return 1;
        }
        if (pepper.isEmpty()) {
            err.println("gatehouse: warning: no admin key pepper (" + PEPPER_VARIABLE + " or --admin-key-pepper-file): "
                    + "a copy of the store is enough to recreate the secret of every admin key made through the service");
            err.flush();
        }
        GatehouseStore store;
        try {
            store = storeUrl == null ? RocksDbStore.open(data.resolve("rocksdb")) : PostgresStore.open(storeUrl);
        } catch (StoreUnavailableException e) {
            err.println("gatehouse: " + e.getMessage() + (storeUrl == null
                    ? "\n(is another Gatehouse running on the same --data directory?)"
                    : "\n(is PostgreSQL running at " + StoreUrls.redact(storeUrl) + "?)"));
            return 1;
        }
        AuditSink auditSink;
        try {
            auditSink = "-".equals(auditLog) ? JsonLinesAuditLog.stdout() : JsonLinesAuditLog.appendingTo(Path.of(auditLog));
        } catch (UncheckedIOException | InvalidPathException e) {
            store.close();
            err.println("gatehouse: " + e.getMessage());
            return 1;
        }
        Gatehouse gatehouse = Gatehouse.create(loaded.directory(), store, InstantSource.system(), pepper);
        GatehouseServer server;
        try {
            server = GatehouseServer.start(gatehouse, settings(store, loaded).withAuditLog(auditSink));
        } catch (RuntimeException e) {
            store.close();
            err.println("gatehouse: cannot listen on " + host + ":" + port + ": " + rootMessage(e));
            return 1;
        }
        AtomicBoolean closed = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (closed.compareAndSet(false, true)) {
                server.close();
                store.close();
            }
        }, "gatehouse-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        AtomicReference<String> signal = new AtomicReference<>();
        CountDownLatch stopRequested = new CountDownLatch(1);
        for (String name : List.of("TERM", "INT")) {
            try {
                Signal.handle(new Signal(name), received -> {
                    signal.compareAndSet(null, "SIG" + received.getName());
                    stopRequested.countDown();
                });
            } catch (IllegalArgumentException unsupported) {
                // this platform has no such signal: the shutdown hook still closes everything
            }
        }
        printBanner(loaded, gatehouse.directory(), server);
        stopRequested.await();
        return stop(server, store, signal.get(), closed, hook, err);
    }

    /** The graceful stop, told on stderr. */
    private static int stop(GatehouseServer server, GatehouseStore store, String signal, AtomicBoolean closed,
                            Thread hook, PrintWriter err) throws InterruptedException {
        if (!closed.compareAndSet(false, true)) {
            return 0;
        }
        // closed before it is said, so that whoever reads the line finds the door already shut
        server.stopAccepting();
        err.println("gatehouse: " + signal + " received, stopping: no new connections; waiting up to "
                + STOP_GRACE.toSeconds() + " s for " + server.inFlight() + " request(s) in flight");
        err.flush();
        int unfinished = server.stop(STOP_GRACE);
        store.close();
        Runtime.getRuntime().removeShutdownHook(hook);
        err.println("gatehouse: stopped" + (unfinished == 0 ? "" : " (" + unfinished + " request(s) cut off)")
                + "; store closed");
        err.flush();
        return 0;
    }

    /** The pepper from --admin-key-pepper-file, else from the environment variable; empty when neither is set. */
    private Optional<AdminKeyPepper> adminKeyPepper() throws IOException {
        if (pepperFile != null) {
            try {
                return Optional.of(AdminKeyPepper.of(Files.readString(pepperFile)));
            } catch (IOException e) {
                throw new IOException("cannot read the admin key pepper file " + pepperFile + ": " + e, e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(pepperFile + ": " + e.getMessage(), e);
            }
        }
        String fromEnvironment = environment.get(PEPPER_VARIABLE);
        if (fromEnvironment == null || fromEnvironment.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AdminKeyPepper.of(fromEnvironment));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PEPPER_VARIABLE + ": " + e.getMessage(), e);
        }
    }

    private static boolean isServiceUrl(URI url) {
        return url.isAbsolute() && url.getHost() != null && url.getRawQuery() == null && url.getRawFragment() == null
                && (url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/"))
                && ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()));
    }

    /** On PostgreSQL, the rate limits count in the database, so that instances on it share them. */
    private ServerSettings settings(GatehouseStore store, GatehouseConfig loaded) {
        ServerSettings settings = ServerSettings.of(host, port, loaded.limits());
        if (publicUrl != null) {
            settings = settings.withPublicUrl(publicUrl);
        }
        return store instanceof PostgresStore shared
                ? settings.withBuckets(new SharedRateLimitBuckets(shared.rateLimitBuckets()))
                : settings;
    }

    private void printBanner(GatehouseConfig loaded, Directory directory, GatehouseServer server) {
        PrintWriter out = spec.commandLine().getOut();
        String startUrl = loaded.startUrl().orElse(server.baseUrl() + "/start");
        out.println("Gatehouse directory: " + loaded.source() + " (region " + loaded.directory().region() + ")");
        out.println(storeUrl == null
                ? "Data directory:      " + data.toAbsolutePath().normalize()
                : "Store:               PostgreSQL " + StoreUrls.redact(storeUrl));
        out.println("Start URL:           " + startUrl);
        if (config == null) {
            out.println();
            out.println("Demo sign-in: user " + ConfigLoader.DEMO_USER + ", password \"" + ConfigLoader.DEMO_PASSWORD + "\"");
            for (User user : directory.users().stream().sorted(Comparator.comparing(User::userName)).toList()) {
                out.println("  " + user.userName() + " (" + user.email() + "): "
                        + directory.accountsOf(user).stream().map(Account::name).toList()
                        + user.totpSecret().map(secret -> ", also asks for a TOTP code (secret " + secret + ")").orElse(""));
            }
            loaded.directory().adminKeys().stream()
                    .filter(k -> k.accessKeyId().equals(ConfigLoader.DEMO_ADMIN_KEY_ID)).findFirst()
                    .ifPresent(key -> {
                        out.println();
                        out.println("Admin APIs (identitystore, sso-admin), signed with the demo's bootstrap admin key:");
                        out.println("  AWS_ACCESS_KEY_ID=" + key.accessKeyId() + " AWS_SECRET_ACCESS_KEY="
                                + key.secretAccessKey() + " aws --endpoint-url " + server.baseUrl() + " --region "
                                + loaded.directory().region() + " sso-admin list-instances");
                    });
            out.println();
        }
        out.println("Sign in at " + startUrl + " (the access portal), or point AWS tools at " + server.baseUrl());
        out.println("Gatehouse is ready at " + server.baseUrl());
        out.flush();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
