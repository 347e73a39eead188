package dev.gatehouse.cli;

import dev.gatehouse.cli.aws.AwsConfig;
import dev.gatehouse.cli.aws.AwsFiles;
import dev.gatehouse.client.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;

/**
 * What the client-side commands take from the world: environment variables, the home directory
 * when {@code HOME} is unset, the clock, the browser, how to wait between polls, and how long to
 * wait for the browser sign-in. Tests pass their own, so that the commands run in process with a
 * temporary {@code HOME} and no real browser.
 */
public record CliEnvironment(Map<String, String> env, String userHome, InstantSource clock, BrowserOpener browser,
                             Sleeper sleeper, Duration browserSignInTimeout) {
    /** The AWS CLI waits ten minutes for the loopback redirect. */
    public static final Duration BROWSER_SIGN_IN_TIMEOUT = Duration.ofMinutes(10);

    public CliEnvironment {
        env = Map.copyOf(env);
        Objects.requireNonNull(userHome, "userHome");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(browser, "browser");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(browserSignInTimeout, "browserSignInTimeout");
    }

    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), System.getProperty("user.home"), InstantSource.system(),
                BrowserOpener.system(), Sleeper.THREAD, BROWSER_SIGN_IN_TIMEOUT);
    }

    public AwsFiles files() {
        return AwsFiles.from(env, userHome);
    }

    /** {@code ~/.aws/config} (or {@code AWS_CONFIG_FILE}); empty when there is none. */
    public AwsConfig config() {
        try {
            return AwsConfig.read(files().configFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files().configFile() + ": " + e.getMessage(), e);
        }
    }

    public CliEnvironment withBrowser(BrowserOpener browser) {
        return new CliEnvironment(env, userHome, clock, browser, sleeper, browserSignInTimeout);
    }
}
