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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@code gatehouse serve} in a child JVM, as an operator runs it, on a free port. */
final class ServerProcess implements AutoCloseable {
    private static final String READY = "Gatehouse is ready at ";

    private final Process process;
    private final URI baseUrl;
    private final List<String> output;

    private ServerProcess(Process process, URI baseUrl, List<String> output) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.output = output;
    }

    static ServerProcess start(Path dataDir) throws IOException, InterruptedException {
        return start(dataDir, Map.of());
    }

    /** With these variables added to its environment (for example {@code LD_PRELOAD}). */
    static ServerProcess start(Path dataDir, Map<String, String> environment) throws IOException, InterruptedException {
        return start(dataDir, environment, List.of());
    }

    /** With a directory file instead of the built-in demo directory. */
    static ServerProcess startWithConfig(Path dataDir, Path config) throws IOException, InterruptedException {
        return start(dataDir, Map.of(), List.of("--config", config.toString()));
    }

    /** With these further options of {@code gatehouse serve}. */
    static ServerProcess start(Path dataDir, List<String> options) throws IOException, InterruptedException {
        return start(dataDir, Map.of(), options);
    }

    private static ServerProcess start(Path dataDir, Map<String, String> environment, List<String> options)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--data", dataDir.toString(), "--port", "0"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<URI> ready = CompletableFuture.supplyAsync(() -> awaitReady(process, output));
        try {
            return new ServerProcess(process, ready.get(60, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the server did not become ready", e);
        }
    }

    private static URI awaitReady(Process process, List<String> output) {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
                if (line.startsWith(READY)) {
                    URI uri = URI.create(line.substring(READY.length()).strip());
                    Thread.ofVirtual().start(() -> drain(out, output));
                    return uri;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("the server exited before it was ready:\n" + String.join("\n", output));
    }

    /** Keeps the pipe empty so the child never blocks on its output, and keeps the lines. */
    private static void drain(BufferedReader out, List<String> output) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    URI baseUrl() {
        return baseUrl;
    }

    /** What the child printed so far (stdout and stderr), line by line. */
    List<String> output() {
        return List.copyOf(output);
    }

    /** Waits (up to 30 s) for a line that starts with {@code prefix}. */
    String awaitLine(String prefix) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            for (String line : output) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no line starting with '" + prefix + "' in " + output);
    }

    /**
     * SIGTERM, as {@code kill PID} sends it; through the process handle, since {@link Process#destroy()}
     * also closes the pipes and the child's last words would be lost.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    /** The exit code, waiting up to 60 s for the child to end. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("the server did not exit; it printed " + output);
        }
        return process.exitValue();
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
