package dev.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged Logout is never undone by a crash of the process: a server in a child JVM
 * acknowledges N concurrent Logouts, is killed with SIGKILL right after the last 200, and restarted
 * on the same data; none of the N tokens may work again, while a token that was not logged out
 * still does.
 *
 * <p>What this proves is process-crash durability only: SIGKILL leaves the operating system's page
 * cache alone, so a write that reached the kernel but was never fsync'd survives it, and this test
 * would pass even without the fsync. Durability across a power cut, where un-synced data is lost, is
 * {@link PowerCutTest}'s; both are described in {@code docs/durability.md}.
 */
class CrashRecoveryTest {
    private static final int LOGOUTS = 300;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedLogoutsSurviveSigkill() throws Exception {
        List<String> tokens = LogoutWorkload.seedTokens(dataDir, LOGOUTS + 1);
        String survivor = tokens.removeLast();

        try (LogoutWorkload workload = new LogoutWorkload()) {
            ServerProcess first = ServerProcess.start(dataDir);
            List<CompletableFuture<HttpResponse<String>>> logouts = new ArrayList<>();
            for (String token : tokens) {
                logouts.add(workload.logout(first.baseUrl(), token));
            }
            CompletableFuture.allOf(logouts.toArray(CompletableFuture[]::new)).join();
            first.kill();
            assertThat(logouts).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));

            try (ServerProcess second = ServerProcess.start(dataDir)) {
                for (String token : tokens) {
                    assertThat(workload.listAccounts(second.baseUrl(), token)).as("a logged-out token").isEqualTo(401);
                }
                assertThat(workload.listAccounts(second.baseUrl(), survivor)).isEqualTo(200);
            }
        }
    }
}
