package dev.gatehouse.cli.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A profile's long-term access key as the AWS tools find it: {@code aws_access_key_id} and
 * {@code aws_secret_access_key} in the shared credentials file ({@code AWS_SHARED_CREDENTIALS_FILE},
 * else {@code ~/.aws/credentials}, sections {@code [NAME]}), else in the profile's section of
 * {@code ~/.aws/config}.
 */
public final class AdminKeyFiles {
    /** A key id and its secret, read from a file; {@code toString} shows the id only. */
    public record FileKey(String accessKeyId, String secretAccessKey, Path file) {
        @Override
        public String toString() {
            return "FileKey[" + accessKeyId + " from " + file + "]";
        }
    }

    private AdminKeyFiles() {
    }

    /** {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}. */
    public static Path credentialsFile(Map<String, String> env, AwsFiles files) {
        String named = env.get("AWS_SHARED_CREDENTIALS_FILE");
        if (named != null && !named.isBlank()) {
            return Path.of(named.startsWith("~/") ? files.home() + named.substring(1) : named);
        }
        return files.home().resolve(".aws").resolve("credentials");
    }

    /** The profile's key, from the credentials file first, then the config file; empty when neither has both parts. */
    public static Optional<FileKey> forProfile(String profile, Map<String, String> env, AwsFiles files) {
        Path credentials = credentialsFile(env, files);
        return keyIn(credentials, profile).or(() -> keyIn(files.configFile(), profile));
    }

    private static Optional<FileKey> keyIn(Path file, String profile) {
        AwsConfig parsed;
        try {
            parsed = AwsConfig.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parsed.profile(profile).flatMap(section -> section.get("aws_access_key_id")
                .flatMap(id -> section.get("aws_secret_access_key").map(secret -> new FileKey(id, secret, file))));
    }
}
