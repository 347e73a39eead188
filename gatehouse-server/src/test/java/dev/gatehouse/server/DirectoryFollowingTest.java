package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.config.Limits;
import dev.gatehouse.domain.directory.Account;
import dev.gatehouse.domain.directory.Assignment;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.PrincipalType;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.store.postgres.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

/**
 * Two instances on one PostgreSQL: a directory change made through A's live directory is in force on
 * A when the write returns, and on B within a second, by B's {@link DirectoryFollower}. Measures that
 * window over 20 changes (the numbers are in docs/scale-out.md).
 */
class DirectoryFollowingTest {
    private static final String SCHEMA = TestPostgres.newSchemaName();
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static PostgresInstance a;
    private static PostgresInstance b;

    @BeforeAll
    static void start() {
        a = PostgresInstance.start(TestPostgres.jdbcUrl(), SCHEMA, TestDirectory.create(), Limits.DEFAULTS);
        b = PostgresInstance.start(TestPostgres.jdbcUrl(), SCHEMA, TestDirectory.create(), Limits.DEFAULTS);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
        TestPostgres.dropSchemas(List.of(SCHEMA));
    }

    /** bob (DEV only in the file) given ReadOnlyAccess in SANDBOX, made through the API on A. */
    private static Assignment bobInSandbox() {
        Directory onA = a.gatehouse().directory();
        return new Assignment(TestDirectory.SANDBOX, onA.permissionSet("ReadOnlyAccess").orElseThrow().arn(),
                PrincipalType.USER, onA.user("bob").orElseThrow().id(), Origin.API, Stamps.made(Instant.now(), "test"));
    }

    private static boolean bobInSandboxOn(PostgresInstance instance) {
        Directory directory = instance.gatehouse().directory();
        User bob = directory.user("bob").orElseThrow();
        return directory.accountsOf(bob).stream().map(Account::id).anyMatch(TestDirectory.SANDBOX::equals);
    }

    /** How long until {@code condition} holds, polled every 0.2 ms; fails after {@link #WITHIN} and a margin. */
    private static Duration timeUntil(BooleanSupplier condition) {
        long start = System.nanoTime();
        long giveUp = start + WITHIN.multipliedBy(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still not there after %s", WITHIN.multipliedBy(5)).isLessThan(giveUp);
            LockSupport.parkNanos(200_000);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Test
    void aChangeMadeOnAIsInForceOnBWithinASecond() {
        LiveDirectory live = a.gatehouse().liveDirectory();
        Assignment assignment = bobInSandbox();
        assertThat(bobInSandboxOn(a)).isFalse();
        timeUntil(() -> !bobInSandboxOn(b));
        List<Long> windows = new ArrayList<>();
        List<Long> writes = new ArrayList<>();
        for (int change = 0; change < 20; change++) {
            boolean adding = change % 2 == 0;
            // start at a random point of B's follow cycle, not just after it found the last change
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(DirectoryFollower.INTERVAL.toNanos()));
            long writeStart = System.nanoTime();
            if (adding) {
                live.put(assignment);
            } else {
                live.write(List.of(), List.of(assignment));
            }
            writes.add(System.nanoTime() - writeStart);
            assertThat(bobInSandboxOn(a)).as("in force on A when the write returns").isEqualTo(adding);
            windows.add(timeUntil(() -> bobInSandboxOn(b) == adding).toNanos());
        }
        System.err.println("Directory change made on A, in force on B after (ms, from A's commit): "
                + summary(windows) + "; A's write took (ms): " + summary(writes));
        assertThat(windows).allSatisfy(w -> assertThat(Duration.ofNanos(w)).isLessThan(WITHIN));
    }

    @Test
    void anAssignmentMadeOnAIsListedThroughB() {
        Assignment assignment = bobInSandbox();
        a.gatehouse().liveDirectory().put(assignment);
        try (SsoClient onB = b.sso()) {
            String token = b.accessToken("bob");
            timeUntil(() -> onB.listAccounts(r -> r.accessToken(token)).accountList().stream()
                    .map(AccountInfo::accountId).anyMatch(TestDirectory.SANDBOX::equals));
        } finally {
            a.gatehouse().liveDirectory().write(List.of(), List.of(assignment));
        }
    }

    @Test
    void eachInstanceShowsTheDirectoryVersionItIsCurrentTo() throws Exception {
        Assignment assignment = bobInSandbox();
        a.gatehouse().liveDirectory().put(assignment);
        a.gatehouse().liveDirectory().write(List.of(), List.of(assignment));
        long version = a.gatehouse().liveDirectory().version();
        timeUntil(() -> b.gatehouse().liveDirectory().version() == version);
        timeUntil(() -> Scrapes.value(scrapeOf(b), "gatehouse_directory_version") == version);
    }

    /** The same through the stock admin SDKs on A, seen by the stock portal SDK on B. */
    @Test
    void changesMadeThroughTheAdminApisOnAAreInForceOnBWithinASecond() {
        StaticCredentialsProvider key = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(TestDirectory.ADMIN_KEY_ID, TestDirectory.ADMIN_SECRET));
        try (IdentitystoreClient identityStore = IdentitystoreClient.builder().endpointOverride(a.base())
                     .region(Region.US_EAST_1).credentialsProvider(key).httpClient(UrlConnectionHttpClient.create())
                     .build();
             SsoAdminClient ssoAdmin = SsoAdminClient.builder().endpointOverride(a.base()).region(Region.US_EAST_1)
                     .credentialsProvider(key).httpClient(UrlConnectionHttpClient.create()).build();
             SsoClient onB = b.sso()) {
            var instance = ssoAdmin.listInstances(r -> { }).instances().getFirst();
            String userId = identityStore.createUser(r -> r.identityStoreId(instance.identityStoreId())
                    .userName("dana").displayName("Dana Lee").name(n -> n.givenName("Dana").familyName("Lee")))
                    .userId();
            assertThat(followedByB()).as("the new user on B").isLessThan(WITHIN);
            String token = b.accessToken("dana");

            ssoAdmin.createAccountAssignment(r -> r.instanceArn(instance.instanceArn())
                    .targetId(TestDirectory.SANDBOX).targetType(TargetType.AWS_ACCOUNT)
                    .permissionSetArn(a.gatehouse().directory().permissionSet("ReadOnlyAccess").orElseThrow().arn())
                    .principalType(software.amazon.awssdk.services.ssoadmin.model.PrincipalType.USER)
                    .principalId(userId));
            assertThat(followedByB()).as("the assignment on B").isLessThan(WITHIN);
            assertThat(onB.listAccounts(r -> r.accessToken(token)).accountList()).extracting(AccountInfo::accountId)
                    .contains(TestDirectory.SANDBOX);

            identityStore.deleteUser(r -> r.identityStoreId(instance.identityStoreId()).userId(userId));
            assertThat(followedByB()).as("the deletion on B").isLessThan(WITHIN);
            assertThatThrownBy(() -> onB.listAccounts(r -> r.accessToken(token)))
                    .as("the deleted user's token on B").isInstanceOf(UnauthorizedException.class);
        }
    }

    /**
     * How long B took to reach the version A is at now (A's change is in force on A when its call
     * returns): the window itself, without the time a probe through B's HTTP API would add.
     */
    private static Duration followedByB() {
        long version = a.gatehouse().liveDirectory().version();
        return timeUntil(() -> b.gatehouse().liveDirectory().version() >= version);
    }

    private static String scrapeOf(PostgresInstance instance) {
        try {
            return Scrapes.scrape(instance.base()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String summary(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        double median = (sorted.get((sorted.size() - 1) / 2) + sorted.get(sorted.size() / 2)) / 2.0;
        return String.format("min %.1f, median %.1f, max %.1f over %d", sorted.getFirst() / 1e6, median / 1e6,
                sorted.getLast() / 1e6, sorted.size());
    }
}
