package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's AWS CLI v2 ({@code /usr/bin/aws}, not whatever {@code aws} is first on the PATH) pointed at
 * a test service with {@code --endpoint-url}, signing with the directory file's bootstrap admin key, its
 * own files and environment kept away from the machine's. Tests register {@link #TOOL}: skipped where
 * the CLI is missing, failed under CI.
 */
public final class AwsCli {
    public static final Path EXECUTABLE = Path.of("/usr/bin/aws");
    public static final OutsideTool TOOL = new OutsideTool("Debian's AWS CLI v2",
            () -> Files.isExecutable(EXECUTABLE) ? null : EXECUTABLE + " is not installed", "apt-get install awscli");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final Path home;

    /** @param home an empty directory for the CLI's files and captured output */
    public AwsCli(URI endpoint, Path home) {
        this.endpoint = endpoint;
        this.home = home;
    }

    /** What one run printed and how it ended. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs {@code aws SERVICE COMMAND ARGS…} and returns its JSON output; fails the test if it fails. */
    public JsonNode json(String... args) throws IOException, InterruptedException {
        Result result = run(args);
        assertThat(result.exitCode()).as("aws %s: %s", String.join(" ", args), result.stderr()).isZero();
        return result.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(result.stdout());
    }

    public Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint.toString(), "--region", "us-east-1", "--output", "json"));
        Path stdout = home.resolve("stdout");
        Path stderr = home.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_"));
        env.put("HOME", home.toString());
        env.put("AWS_ACCESS_KEY_ID", TestDirectory.ADMIN_KEY_ID);
        env.put("AWS_SECRET_ACCESS_KEY", TestDirectory.ADMIN_SECRET);
        env.put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_PAGER", "");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("aws " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                Files.readString(stderr, StandardCharsets.UTF_8));
    }
}
