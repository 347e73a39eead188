package dev.gatehouse.domain.identitystore;

import static dev.gatehouse.domain.DomainFixture.assertFails;
import static dev.gatehouse.domain.identitystore.IdentityStoreFixture.ADMIN;
import static dev.gatehouse.domain.identitystore.IdentityStoreFixture.OTHER_ADMIN;
import static dev.gatehouse.domain.identitystore.IdentityStoreFixture.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditRecord;
import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.directory.Directory;
import dev.gatehouse.domain.directory.ExternalId;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.error.ErrorCode;
import dev.gatehouse.domain.session.SignInSession;
import dev.gatehouse.domain.token.TokenSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsersTest {
    private final IdentityStoreFixture f = new IdentityStoreFixture();
    private final Users users = f.identityStore.users();
    private final Directory directory = f.domain.directory;

    @Test
    void aCreatedUserIsDescribedAsGivenWithItsStampsAndNoPassword() {
        Map<String, Object> values = new java.util.LinkedHashMap<>(profile("Carol Example",
                "carol@example.com").asMap());
        values.put("Addresses", List.of(Map.of("StreetAddress", "1 Main St", "Country", "NZ", "Primary", true)));
        values.put("Photos", List.of(Map.of("Value", "https://example.com/a.png"), Map.of("Value",
                "https://example.com/b.png")));
        values.put("Extensions", Map.of(UserProfile.ENTERPRISE_EXTENSION, Map.of("costCenter", "42")));
        values.put("Title", "Engineer");
        Attributes given = Attributes.of(values);
        Instant at = f.domain.clock.instant();

        String id = users.create(ADMIN, f.storeId, "carol", given);

        User user = users.describe(f.storeId, id);
        assertThat(id).matches(f.storeId.substring(2)
                + "-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(user.userName()).isEqualTo("carol");
        assertThat(user.attributes()).isEqualTo(given);
        assertThat(user.passwordHash()).isEmpty();
        assertThat(user.origin()).isEqualTo(Origin.API);
        assertThat(user.stamps().createdAt()).isEqualTo(at);
        assertThat(user.stamps().createdBy()).isEqualTo(ADMIN.accessKeyId());
        assertThat(directory.user("CAROL")).contains(user);
    }

    @Test
    void createChecksEveryInputBeforeTheStore() {
        Attributes ok = profile("X", "x@example.com");
        assertFails(ErrorCode.INVALID_REQUEST, () -> users.create(ADMIN, null, "x", ok));
        assertFails(ErrorCode.VALIDATION, () -> users.create(ADMIN, "d-XYZ", "x", ok));
        assertFails(ErrorCode.INVALID_REQUEST, () -> users.create(ADMIN, f.storeId, null, ok));
        assertFails(ErrorCode.VALIDATION, () -> users.create(ADMIN, f.storeId, "", ok));
        assertFails(ErrorCode.VALIDATION, () -> users.create(ADMIN, f.storeId, "two words", ok));
        assertFails(ErrorCode.INVALID_REQUEST, () -> users.create(ADMIN, f.storeId, "x".repeat(129), ok));
        assertThat(users.create(ADMIN, f.storeId, "y".repeat(128), ok)).isNotBlank();
        assertFails(ErrorCode.VALIDATION, () -> users.create(ADMIN, f.storeId, "x",
                ok.with("Emails", List.of(Map.of("Value", "a@x"), Map.of("Value", "b@x")))));
        assertFails(ErrorCode.INVALID_REQUEST, () -> users.create(ADMIN, f.storeId, "x",
                ok.with("Photos", List.of(Map.of("Type", "photo")))));
        assertFails(ErrorCode.VALIDATION, () -> users.create(ADMIN, f.storeId, "x",
                ok.with("Extensions", Map.of("aws:identitystore:other", Map.of("a", "b")))));
        assertFails(ErrorCode.VALIDATION, () -> users.create(ADMIN, f.storeId, "x", ok.with("Title", "bell\u0007")));
        assertFails(ErrorCode.INVALID_REQUEST, () -> users.create(ADMIN, f.storeId, "x",
                ok.with("Title", "t".repeat(1025))));
    }

    @Test
    void aUserNeedsADisplayNameAndAGivenAndFamilyName() {
        assertThatThrownBy(() -> users.create(ADMIN, f.storeId, "x", Attributes.NONE))
                .hasMessage("displayName: The attribute displayName is required, name: The attribute name is required");
        assertThatThrownBy(() -> users.create(ADMIN, f.storeId, "x",
                profile("X", "x@example.com").with("Name", Map.of("GivenName", "X"))))
                .hasMessage("name.familyName: The attribute name.familyName is required");
    }

    @Test
    void anotherIdentityStoreIsNotFound() {
        assertThatThrownBy(() -> users.create(ADMIN, "d-0000000000", "x", profile("X", "x@example.com")))
                .isInstanceOfSatisfying(IdentityStoreException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_NOT_FOUND);
                    assertThat(e.resourceType()).contains(ResourceType.IDENTITY_STORE);
                    assertThat(e.resourceId()).contains("d-0000000000");
                    assertThat(e.getMessage()).isEqualTo("IdentityStore not present for IdentityStoreId: d-0000000000");
                });
        assertThat(directory.user("x")).isEmpty();
    }

    @Test
    void reservedNamesAreRefusedWhateverTheirCase() {
        assertFails(ErrorCode.VALIDATION, () -> f.createUser("Administrator"));
        assertFails(ErrorCode.VALIDATION, () -> f.createUser("awsadministrators"));
        String id = f.createUser("dan");
        assertFails(ErrorCode.VALIDATION, () -> users.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("userName", "ADMINISTRATOR"))));
    }

    @Test
    void aTakenUserNameIsAConflictWithoutRegardToCase() {
        f.createUser("dan");
        long version = f.version();
        assertThatThrownBy(() -> f.createUser("DAN")).isInstanceOfSatisfying(IdentityStoreException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(e.reason()).contains(IdentityStoreException.ConflictReason.UNIQUENESS_CONSTRAINT_VIOLATION);
            assertThat(e.getMessage()).isEqualTo("Duplicate UserName");
        });
        assertFails(ErrorCode.CONFLICT, () -> f.createUser("ann"));
        assertThat(f.version()).isEqualTo(version);
    }

    @Test
    void theUserQuotaHoldsAtExactlyItsSize() {
        int held = directory.users().size();
        IdentityStoreFixture limited = new IdentityStoreFixture(new Quotas(held + 1, 10));
        limited.createUser("last");
        assertFails(ErrorCode.SERVICE_QUOTA_EXCEEDED, () -> limited.createUser("one-too-many"));
    }

    @Test
    void updateAppliesCamelCasePathsOntoTheMemberNames() {
        String id = f.createUser("erin");
        Instant created = f.domain.clock.instant();
        f.domain.advance(Duration.ofMinutes(5));

        users.update(OTHER_ADMIN, f.storeId, id, List.of(
                new AttributeOperation("displayName", "Erin E."),
                new AttributeOperation("name.givenName", "Erin"),
                new AttributeOperation("name.middleName", "M"),
                new AttributeOperation("emails", List.of(Map.of("value", "erin@corp.example", "type", "work",
                        "primary", true))),
                new AttributeOperation("phoneNumbers", List.of(Map.of("value", "+64 1 234", "primary", false))),
                new AttributeOperation("title", "Lead"),
                new AttributeOperation("aws:identitystore:enterprise.manager.value", "boss"),
                new AttributeOperation("userName", "erin.e")));

        User user = users.describe(f.storeId, id);
        assertThat(user.userName()).isEqualTo("erin.e");
        assertThat(user.attributes().asMap()).containsEntry("DisplayName", "Erin E.")
                .containsEntry("Name", Map.of("GivenName", "Erin", "FamilyName", "Example", "MiddleName", "M"))
                .containsEntry("Emails", List.of(Map.of("Value", "erin@corp.example", "Type", "work", "Primary", true)))
                .containsEntry("PhoneNumbers", List.of(Map.of("Value", "+64 1 234", "Primary", false)))
                .containsEntry("Title", "Lead")
                .containsEntry("Extensions", Map.of(UserProfile.ENTERPRISE_EXTENSION,
                        Map.of("manager", Map.of("value", "boss"))));
        assertThat(user.stamps().createdAt()).isEqualTo(created);
        assertThat(user.stamps().createdBy()).isEqualTo(ADMIN.accessKeyId());
        assertThat(user.stamps().updatedAt()).isEqualTo(created.plus(Duration.ofMinutes(5)));
        assertThat(user.stamps().updatedBy()).isEqualTo(OTHER_ADMIN.accessKeyId());
        assertThat(directory.user("erin")).isEmpty();
        assertThat(directory.user("erin.e")).isPresent();
    }

    @Test
    void aNullValueRemovesAnAttributeButNotOneEveryUserNeeds() {
        String id = f.createUser("fay");
        users.update(ADMIN, f.storeId, id, List.of(new AttributeOperation("title", "T")));
        users.update(ADMIN, f.storeId, id, List.of(new AttributeOperation("title", null),
                new AttributeOperation("emails", null)));
        assertThat(users.describe(f.storeId, id).attributes().asMap()).doesNotContainKeys("Title", "Emails");

        assertFails(ErrorCode.VALIDATION, () -> users.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("displayName", null))));
        assertFails(ErrorCode.VALIDATION, () -> users.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("name.familyName", null))));
        assertFails(ErrorCode.VALIDATION, () -> users.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("userName", null))));
    }

    @Test
    void updateRefusesWhatItCannotApplyAndWritesNothing() {
        String id = f.createUser("gil");
        f.createUser("hal");
        long version = f.version();
        assertFails(ErrorCode.VALIDATION, () -> users.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("title", "ok"), new AttributeOperation("favouriteColour", "red"))));
        assertFails(ErrorCode.VALIDATION, () -> users.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("emails.value", "x@example.com"))));
        assertFails(ErrorCode.VALIDATION, () -> users.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("emails", List.of(Map.of("colour", "red"))))));
        assertFails(ErrorCode.VALIDATION, () -> users.update(ADMIN, f.storeId, id, List.of()));
        assertFails(ErrorCode.VALIDATION, () -> users.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("name..x", "y"))));
        assertFails(ErrorCode.CONFLICT, () -> users.update(ADMIN, f.storeId, id,
                List.of(new AttributeOperation("userName", "HAL"))));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> users.update(ADMIN, f.storeId,
                f.identityStore.directory().ids().newResourceId(), List.of(new AttributeOperation("title", "x"))));
        List<AttributeOperation> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(new AttributeOperation("title", "t" + i));
        }
        assertFails(ErrorCode.VALIDATION, () -> users.update(ADMIN, f.storeId, id, tooMany));
        assertThat(f.version()).isEqualTo(version);
    }

    @Test
    void deletingAUserTakesItsMembershipsAndAssignmentsInOneWriteAndEndsItsSessions() {
        User ann = f.domain.ann;
        SignInSession session = f.domain.signIn(ann);
        TokenSet tokens = f.domain.gatehouse.tokens().issueTokenSet(session, "client");
        assertThat(directory.membershipsOfUser(ann.id())).hasSize(1);
        assertThat(directory.assignmentsOf(ann.id())).hasSize(3);
        long version = f.version();

        users.delete(f.storeId, ann.id());

        assertThat(f.version()).isEqualTo(version + 1);
        assertThat(directory.userById(ann.id())).isEmpty();
        assertThat(directory.membershipsOfUser(ann.id())).isEmpty();
        assertThat(directory.assignmentsOf(ann.id())).isEmpty();
        assertThat(directory.groupByName("ops")).isPresent();
        assertThat(f.domain.gatehouse.sessions().active(session.id())).isEmpty();
        assertThat(f.domain.gatehouse.sessions().ended(session.id())).as("ended in the store, not only unusable").isTrue();
        assertFails(ErrorCode.UNAUTHORIZED, () -> f.domain.gatehouse.portal().authenticate(tokens.access().secret()));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> users.delete(f.storeId, ann.id()));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> users.describe(f.storeId, ann.id()));
    }

    @Test
    void theSessionsADeletionEndsAreAuditedUnderTheDeletedUsersName() {
        User ann = f.domain.ann;
        SignInSession first = f.domain.signIn(ann);
        f.domain.signIn(ann);
        f.domain.gatehouse.sessions().end(first.id());

        users.delete(f.storeId, ann.id());

        AuditRecord ended = f.domain.audit.only(AuditEvent.SESSIONS_ENDED_BY_DIRECTORY);
        assertThat(ended.user()).contains("ann");
        assertThat(ended.userId()).contains(ann.id());
        assertThat(ended.details()).isEqualTo(Map.of("reason", "user_deleted", "count", "1"));
    }

    @Test
    void deletingAUserWithoutSessionsAuditsNoEndedSessions() {
        users.delete(f.storeId, f.domain.bob.id());
        assertThat(f.domain.audit.of(AuditEvent.SESSIONS_ENDED_BY_DIRECTORY)).isEmpty();
    }

    @Test
    void listPagesThroughEveryUserInIdOrder() {
        for (int i = 0; i < 5; i++) {
            f.createUser("page" + i);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Page<User> page = users.list(f.storeId, 2, token, null);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
            page.items().forEach(u -> seen.add(u.id()));
            token = page.nextToken().orElse(null);
            pages++;
        } while (token != null);
        assertThat(seen).hasSize(7).isSorted().doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(4);
        assertThat(users.list(f.storeId, null, null, List.of()).items()).hasSize(7);
        assertThat(users.list(f.storeId, 7, null, null).nextToken()).isEmpty();
    }

    @Test
    void listChecksItsPagingAndItsFilter() {
        assertFails(ErrorCode.INVALID_REQUEST, () -> users.list(f.storeId, 0, null, null));
        assertFails(ErrorCode.INVALID_REQUEST, () -> users.list(f.storeId, 101, null, null));
        assertFails(ErrorCode.VALIDATION, () -> users.list(f.storeId, null, "not*a*token", null));
        String groupsToken = f.identityStore.groups().list(f.storeId, 1, null, null).nextToken().orElse(null);
        if (groupsToken != null) {
            assertFails(ErrorCode.VALIDATION, () -> users.list(f.storeId, null, groupsToken, null));
        }
        assertThat(users.list(f.storeId, null, null, List.of(new Filter("UserName", "BOB"))).items())
                .extracting(User::userName).containsExactly("bob");
        assertThat(users.list(f.storeId, null, null, List.of(new Filter("userName", "nobody"))).items()).isEmpty();
        assertFails(ErrorCode.VALIDATION, () -> users.list(f.storeId, null, null,
                List.of(new Filter("DisplayName", "Bob"))));
        assertFails(ErrorCode.VALIDATION, () -> users.list(f.storeId, null, null,
                List.of(new Filter("UserName", "bob"), new Filter("UserName", "ann"))));
    }

    @Test
    void getUserIdFindsByUserNameEmailOrExternalId() {
        String id = f.createUser("ivy");
        ExternalId external = new ExternalId("https://idp.example.com", "ivy-123");
        User ivy = users.describe(f.storeId, id);
        f.domain.gatehouse.liveDirectory().put(new User(ivy.id(), ivy.userName(), Optional.empty(), Optional.empty(),
                ivy.attributes(), List.of(external), ivy.origin(), ivy.stamps()));

        assertThat(users.idOf(f.storeId, new AlternateIdentifier.UniqueAttribute("userName", "IVY"))).isEqualTo(id);
        assertThat(users.idOf(f.storeId, new AlternateIdentifier.UniqueAttribute("emails.value", "ivy@example.com")))
                .isEqualTo(id);
        assertThat(users.idOf(f.storeId, new AlternateIdentifier.External(external))).isEqualTo(id);
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> users.idOf(f.storeId,
                new AlternateIdentifier.External(new ExternalId("https://idp.example.com", "other"))));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> users.idOf(f.storeId,
                new AlternateIdentifier.UniqueAttribute("userName", "nobody")));
        assertFails(ErrorCode.VALIDATION, () -> users.idOf(f.storeId,
                new AlternateIdentifier.UniqueAttribute("displayName", "Ivy")));
        assertFails(ErrorCode.VALIDATION, () -> users.idOf(f.storeId,
                new AlternateIdentifier.UniqueAttribute("userName", "")));
        assertFails(ErrorCode.INVALID_REQUEST, () -> users.idOf(f.storeId,
                new AlternateIdentifier.UniqueAttribute("userName", Arrays.asList(1L))));
        assertFails(ErrorCode.RESOURCE_NOT_FOUND, () -> users.idOf("d-0000000000",
                new AlternateIdentifier.UniqueAttribute("userName", "ivy")));
    }
}
