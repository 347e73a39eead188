package dev.gatehouse.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code gatehouse serve} in a child JVM, as an operator runs it, on a free port. */
final class ServerProcess implements AutoCloseable {
    private static final String READY = "Gatehouse is ready at ";

    private final Process process;
    private final URI baseUrl;

    private ServerProcess(Process process, URI baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static ServerProcess start(Path dataDir) throws IOException, InterruptedException {
        return start(dataDir, Map.of());
    }

    /** With these variables added to its environment (for example {@code LD_PRELOAD}). */
    static ServerProcess start(Path dataDir, Map<String, String> environment) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--data", dataDir.toString(), "--port", "0"))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<URI> ready = CompletableFuture.supplyAsync(() -> awaitReady(process));
        try {
            return new ServerProcess(process, ready.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the server did not become ready", e);
        }
    }

    private static URI awaitReady(Process process) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder printed = new StringBuilder();
        try {
            String line;
            while ((line = out.readLine()) != null) {
                printed.append(line).append('\n');
                if (line.startsWith(READY)) {
                    URI uri = URI.create(line.substring(READY.length()).strip());
                    Thread.ofVirtual().start(() -> drain(out));
                    return uri;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the server exited before it was ready:\n" + printed);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe empty so the child never blocks on its output
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
