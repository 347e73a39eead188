package dev.gatehouse.domain.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DirectoryTest {
    private final User ann = new User("ann", "x", "ann@example.com", "Ann", Set.of("ops"), Optional.empty());
    private final User ben = new User("ben", "x", "ben@example.com", "Ben", Set.of(), Optional.empty());
    private final PermissionSet admin = new PermissionSet("Admin", Duration.ofHours(1));
    private final PermissionSet read = new PermissionSet("Read", Duration.ofHours(2));

    private Directory directory(List<Assignment> assignments) {
        return new Directory("us-east-1", Duration.ofHours(8), List.of(ann, ben),
                List.of(new Account("222222222222", "B", "b@example.com"), new Account("111111111111", "A", "a@example.com")),
                List.of(admin, read), assignments);
    }

    @Test
    void groupAndUserAssignmentsCombineWithoutDuplicates() {
        Directory d = directory(List.of(
                new Assignment("222222222222", "Read", new Assignment.ToGroup("ops")),
                new Assignment("111111111111", "Admin", new Assignment.ToGroup("ops")),
                new Assignment("111111111111", "Admin", new Assignment.ToUser("ann")),
                new Assignment("111111111111", "Read", new Assignment.ToUser("ann")),
                new Assignment("222222222222", "Admin", new Assignment.ToUser("ben"))));
        assertThat(d.accountsOf(ann)).extracting(Account::id).containsExactly("111111111111", "222222222222");
        assertThat(d.permissionSetsOf(ann, "111111111111")).containsExactly(admin, read);
        assertThat(d.accountsOf(ben)).extracting(Account::id).containsExactly("222222222222");
        assertThat(d.permissionSetsOf(ben, "111111111111")).isEmpty();
    }

    @Test
    void assignmentsMustNameKnownAccountsAndPermissionSets() {
        assertThatThrownBy(() -> directory(List.of(new Assignment("999999999999", "Read", new Assignment.ToUser("ann")))))
                .hasMessageContaining("999999999999");
        assertThatThrownBy(() -> directory(List.of(new Assignment("111111111111", "Nope", new Assignment.ToUser("ann")))))
                .hasMessageContaining("Nope");
    }

    @Test
    void permissionSetDurationFollowsAws() {
        assertThatThrownBy(() -> new PermissionSet("P", Duration.ofMinutes(59))).hasMessageContaining("PT1H");
        assertThatThrownBy(() -> new PermissionSet("P", Duration.ofHours(13))).hasMessageContaining("PT12H");
    }

    @Test
    void passwordsAreArgon2idAndBcryptVerifies() {
        String hash = Passwords.hash("s3cret words");
        assertThat(hash).startsWith("$argon2id$").doesNotContain("s3cret");
        assertThat(Passwords.verify("s3cret words", hash)).isTrue();
        assertThat(Passwords.verify("s3cret word", hash)).isFalse();
        String bcrypt = com.password4j.Password.hash("pw").withBcrypt().getResult();
        assertThat(Passwords.verify("pw", bcrypt)).isTrue();
        assertThat(Passwords.verify("pw", "plain")).isFalse();
    }
}
