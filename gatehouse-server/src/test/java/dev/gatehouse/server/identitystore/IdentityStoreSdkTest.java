package dev.gatehouse.server.identitystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.directory.DirectoryFile;
import dev.gatehouse.domain.directory.DirectoryFile.FileGroup;
import dev.gatehouse.domain.directory.DirectoryFile.FileUser;
import dev.gatehouse.domain.directory.ExternalId;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.Address;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.AttributeOperation;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.ConflictExceptionReason;
import software.amazon.awssdk.services.identitystore.model.CreateUserRequest;
import software.amazon.awssdk.services.identitystore.model.DescribeGroupMembershipResponse;
import software.amazon.awssdk.services.identitystore.model.DescribeGroupResponse;
import software.amazon.awssdk.services.identitystore.model.DescribeUserResponse;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.Filter;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.GroupMembershipExistenceResult;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.Name;
import software.amazon.awssdk.services.identitystore.model.PhoneNumber;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.identitystore.model.UniqueAttribute;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.identitystore.model.ValidationException;

/**
 * All 19 identitystore operations as the stock AWS SDK for Java v2 client sees them, against a real
 * server on RocksDB: what is stored is what is described, pages through the SDK's paginators, the
 * deprecated filters, the alternate identifiers, and each error as the SDK's own exception class.
 */
class IdentityStoreSdkTest {
    private static final ExternalId SCIM_USER = new ExternalId("https://idp.example.com", "u-4711");
    private static final ExternalId SCIM_GROUP = new ExternalId("https://idp.example.com", "g-42");

    @TempDir
    Path dataDir;
    TestService service;
    IdentitystoreClient client;
    final RawJson raw = new RawJson();
    String storeId;

    @BeforeEach
    void start() {
        service = new TestService(dataDir, withExternalIds(TestDirectory.create()));
        client = IdentityStoreClients.admin(service.baseUrl(), raw);
        storeId = service.gatehouse.directory().ids().identityStoreId();
    }

    @AfterEach
    void stop() {
        client.close();
        service.close();
    }

    /** The test directory plus a user and a group that an identity provider named (external ids). */
    private static DirectoryFile withExternalIds(DirectoryFile file) {
        List<FileUser> users = new ArrayList<>(file.users());
        users.add(new FileUser(Optional.empty(), "scim.user", Optional.empty(), Optional.empty(), Optional.empty(),
                FileUser.profile("scim@example.com", "Scim User"), List.of(SCIM_USER), Set.of()));
        List<FileGroup> groups = new ArrayList<>(file.groups());
        groups.add(new FileGroup(Optional.empty(), "scim-group", Optional.of("From the IdP"), List.of(SCIM_GROUP)));
        return new DirectoryFile(file.region(), file.signInSessionDuration(), file.browserIdleTimeout(), users, groups,
                file.accounts(), file.permissionSets(), file.assignments(), file.adminKeys());
    }

    private static final Name FULL_NAME = Name.builder().formatted("Dr. Carol Q. Example PhD").familyName("Example")
            .givenName("Carol").middleName("Q.").honorificPrefix("Dr.").honorificSuffix("PhD").build();

    private CreateUserRequest.Builder carol(CreateUserRequest.Builder r) {
        return r.identityStoreId(storeId).userName("carol").displayName("Carol Example").name(FULL_NAME)
                .nickName("Caz").profileUrl("https://example.com/carol").userType("Employee").title("Engineer")
                .preferredLanguage("en-NZ").locale("en_NZ").timezone("Pacific/Auckland")
                .emails(Email.builder().value("carol@example.com").type("work").primary(true).build())
                .addresses(Address.builder().streetAddress("1 Queen St").locality("Auckland").region("AKL")
                        .postalCode("1010").country("NZ").formatted("1 Queen St, Auckland 1010").type("work")
                        .primary(true).build())
                .phoneNumbers(PhoneNumber.builder().value("+64 9 123 4567").type("mobile").primary(false).build());
    }

    private String createUser(String userName) {
        return client.createUser(r -> r.identityStoreId(storeId).userName(userName).displayName(userName)
                .name(n -> n.givenName(userName).familyName("Example"))
                .emails(Email.builder().value(userName + "@example.com").primary(true).build())).userId();
    }

    // ---- users

    @Test
    void createUserStoresEveryProfileMemberThatDescribeUserReturns() {
        Instant before = Instant.now().minusSeconds(1);
        var created = client.createUser(r -> carol(r));
        assertThat(created.identityStoreId()).isEqualTo(storeId);
        assertThat(created.userId()).startsWith(storeId.substring(2) + "-");

        DescribeUserResponse user = client.describeUser(r -> r.identityStoreId(storeId).userId(created.userId()));
        CreateUserRequest sent = carol(CreateUserRequest.builder()).build();
        assertThat(user.identityStoreId()).isEqualTo(storeId);
        assertThat(user.userId()).isEqualTo(created.userId());
        assertThat(user.userName()).isEqualTo("carol");
        assertThat(user.name()).isEqualTo(FULL_NAME);
        assertThat(user.displayName()).isEqualTo(sent.displayName());
        assertThat(user.nickName()).isEqualTo(sent.nickName());
        assertThat(user.profileUrl()).isEqualTo(sent.profileUrl());
        assertThat(user.emails()).isEqualTo(sent.emails());
        assertThat(user.addresses()).isEqualTo(sent.addresses());
        assertThat(user.phoneNumbers()).isEqualTo(sent.phoneNumbers());
        assertThat(user.userType()).isEqualTo(sent.userType());
        assertThat(user.title()).isEqualTo(sent.title());
        assertThat(user.preferredLanguage()).isEqualTo(sent.preferredLanguage());
        assertThat(user.locale()).isEqualTo(sent.locale());
        assertThat(user.timezone()).isEqualTo(sent.timezone());
        assertThat(user.hasExternalIds()).isFalse();
        assertThat(service.gatehouse.directory().userById(created.userId()).orElseThrow().passwordHash()).isEmpty();
    }

    @Test
    void theStampsNameTheCallersKeyAndTheServiceClockInEpochSeconds() {
        long at = service.clock.instant().toEpochMilli();
        String id = createUser("stamped");
        service.clock.advance(Duration.ofSeconds(90));
        client.updateUser(r -> r.identityStoreId(storeId).userId(id).operations(op("title", Document.fromString("T"))));
        client.describeUser(r -> r.identityStoreId(storeId).userId(id));
        JsonNode user = raw.lastResponse();
        assertThat(user.get("CreatedAt").isNumber()).isTrue();
        assertThat(user.get("CreatedAt").decimalValue().movePointRight(3).longValueExact()).isEqualTo(at);
        assertThat(user.get("UpdatedAt").decimalValue().movePointRight(3).longValueExact()).isEqualTo(at + 90_000);
        assertThat(user.get("CreatedBy").asText()).isEqualTo(TestDirectory.ADMIN_KEY_ID);
        assertThat(user.get("UpdatedBy").asText()).isEqualTo(TestDirectory.ADMIN_KEY_ID);
        assertThat(user.get("UserStatus").asText()).isEqualTo("ENABLED");

        var membership = client.createGroupMembership(r -> r.identityStoreId(storeId)
                .groupId(groupId("admins")).memberId(MemberId.fromUserId(id)));
        client.describeGroupMembership(r -> r.identityStoreId(storeId).membershipId(membership.membershipId()));
        assertThat(raw.lastResponse().get("CreatedBy").asText()).isEqualTo(TestDirectory.ADMIN_KEY_ID);
        assertThat(raw.lastResponse().get("CreatedAt").decimalValue().movePointRight(3).longValueExact())
                .isEqualTo(at + 90_000);
        client.describeGroup(r -> r.identityStoreId(storeId).groupId(groupId("admins")));
        assertThat(raw.lastResponse().get("CreatedBy").asText()).isEqualTo("directory-file");
    }

    @Test
    void theModelsNewerMembersRoundTripAndExtensionsShowOnlyWhenAsked() {
        raw.beforeNext(body -> {
            body.put("Website", "https://carol.example.com");
            body.put("Birthdate", "1990-02-03");
            body.putArray("Roles").addObject().put("Value", "Researcher").put("Type", "Work").put("Primary", true);
            var photos = body.putArray("Photos");
            photos.addObject().put("Value", "https://example.com/1.png").put("Primary", true);
            photos.addObject().put("Value", "https://example.com/2.png").put("Display", "Second");
            body.putObject("Extensions").putObject("aws:identitystore:enterprise").put("costCenter", "42")
                    .putObject("manager").put("value", "boss-id");
        });
        String id = client.createUser(r -> carol(r)).userId();

        client.describeUser(r -> r.identityStoreId(storeId).userId(id));
        JsonNode plain = raw.lastResponse();
        assertThat(plain.get("Website").asText()).isEqualTo("https://carol.example.com");
        assertThat(plain.get("Birthdate").asText()).isEqualTo("1990-02-03");
        assertThat(plain.get("Roles").toString())
                .isEqualTo("[{\"Value\":\"Researcher\",\"Type\":\"Work\",\"Primary\":true}]");
        assertThat(plain.get("Photos")).hasSize(2);
        assertThat(plain.get("Photos").get(1).get("Display").asText()).isEqualTo("Second");
        assertThat(plain.has("Extensions")).isFalse();

        raw.beforeNext(body -> body.putArray("Extensions").add("aws:identitystore:enterprise"));
        client.describeUser(r -> r.identityStoreId(storeId).userId(id));
        assertThat(raw.lastResponse().get("Extensions").toString())
                .isEqualTo("{\"aws:identitystore:enterprise\":"
                        + "{\"costCenter\":\"42\",\"manager\":{\"value\":\"boss-id\"}}}");

        raw.beforeNext(body -> body.putArray("Extensions").add("aws:identitystore:other"));
        assertThatThrownBy(() -> client.describeUser(r -> r.identityStoreId(storeId).userId(id)))
                .isInstanceOf(ValidationException.class);
        raw.beforeNext(body -> body.putArray("Photos").addObject().put("Value", 1.5));
        assertThatThrownBy(() -> client.createUser(r -> r.identityStoreId(storeId).userName("floaty")
                .displayName("F").name(n -> n.givenName("F").familyName("L"))))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void updateUserAppliesCamelCasePathsAndRemovesWithNullOrAbsentValues() {
        String id = client.createUser(r -> carol(r)).userId();
        service.clock.advance(Duration.ofSeconds(10));
        client.updateUser(r -> r.identityStoreId(storeId).userId(id).operations(
                op("displayName", Document.fromString("Carol E.")),
                op("name.givenName", Document.fromString("Caroline")),
                op("emails", Document.fromList(List.of(Document.fromMap(Map.of(
                        "value", Document.fromString("caroline@example.com"),
                        "type", Document.fromString("home"),
                        "primary", Document.fromBoolean(true)))))),
                op("title", Document.fromNull()),
                AttributeOperation.builder().attributePath("nickName").build(),
                op("userName", Document.fromString("caroline"))));

        DescribeUserResponse user = client.describeUser(r -> r.identityStoreId(storeId).userId(id));
        assertThat(user.userName()).isEqualTo("caroline");
        assertThat(user.displayName()).isEqualTo("Carol E.");
        assertThat(user.name().givenName()).isEqualTo("Caroline");
        assertThat(user.name().familyName()).isEqualTo("Example");
        assertThat(user.emails()).containsExactly(Email.builder().value("caroline@example.com").type("home")
                .primary(true).build());
        assertThat(user.title()).isNull();
        assertThat(user.nickName()).isNull();
        assertThat(user.locale()).isEqualTo("en_NZ");
    }

    @Test
    void deleteUserRemovesTheUserAndItsMemberships() {
        String id = createUser("leaving");
        String groupId = groupId("admins");
        client.createGroupMembership(r -> r.identityStoreId(storeId).groupId(groupId)
                .memberId(MemberId.fromUserId(id)));

        client.deleteUser(r -> r.identityStoreId(storeId).userId(id));

        assertThatThrownBy(() -> client.describeUser(r -> r.identityStoreId(storeId).userId(id)))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.resourceType()).isEqualTo(ResourceType.USER);
                    assertThat(e.resourceId()).isEqualTo(id);
                    assertThat(e.statusCode()).isEqualTo(400);
                });
        assertThat(client.listGroupMembershipsPaginator(r -> r.identityStoreId(storeId).groupId(groupId))
                .groupMemberships().stream().map(m -> m.memberId().userId())).doesNotContain(id);
        assertThatThrownBy(() -> client.deleteUser(r -> r.identityStoreId(storeId).userId(id)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listUsersPagesThroughEveryUserWithTheSdkPaginator() {
        for (int i = 0; i < 3; i++) {
            createUser("paged" + i);
        }
        var pages = client.listUsersPaginator(r -> r.identityStoreId(storeId).maxResults(2));
        List<ListUsersResponse> all = pages.stream().toList();
        List<String> names = all.stream().flatMap(p -> p.users().stream()).map(User::userName).toList();
        assertThat(all).hasSize(4);
        assertThat(all.getFirst().nextToken()).isNotBlank();
        assertThat(all.getLast().nextToken()).isNull();
        assertThat(names).containsExactlyInAnyOrder("alice", "bob", "many", "tom", "scim.user", "paged0", "paged1",
                "paged2");
        assertThat(client.listUsers(r -> r.identityStoreId(storeId)).users()).hasSize(8);
    }

    @Test
    void listUsersFiltersOnUserName() {
        List<User> users = client.listUsers(r -> r.identityStoreId(storeId)
                .filters(Filter.builder().attributePath("UserName").attributeValue("alice").build())).users();
        assertThat(users).extracting(User::userName).containsExactly("alice");
        assertThat(users.getFirst().emails()).extracting(Email::value).containsExactly("alice@example.com");
        assertThat(users.getFirst().displayName()).isEqualTo("Alice");
        assertThat(client.listUsers(r -> r.identityStoreId(storeId)
                .filters(Filter.builder().attributePath("UserName").attributeValue("nobody").build())).users())
                .isEmpty();
        assertThatThrownBy(() -> client.listUsers(r -> r.identityStoreId(storeId)
                .filters(Filter.builder().attributePath("Title").attributeValue("x").build())))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void getUserIdFindsByUserNameEmailAndExternalId() {
        String alice = service.gatehouse.directory().user("alice").orElseThrow().id();
        assertThat(client.getUserId(r -> r.identityStoreId(storeId).alternateIdentifier(unique("userName", "alice")))
                .userId()).isEqualTo(alice);
        assertThat(client.getUserId(r -> r.identityStoreId(storeId)
                .alternateIdentifier(unique("emails.value", "alice@example.com"))).userId()).isEqualTo(alice);
        String scim = service.gatehouse.directory().user("scim.user").orElseThrow().id();
        var found = client.getUserId(r -> r.identityStoreId(storeId).alternateIdentifier(AlternateIdentifier
                .fromExternalId(e -> e.issuer(SCIM_USER.issuer()).id(SCIM_USER.id()))));
        assertThat(found.userId()).isEqualTo(scim);
        assertThat(found.identityStoreId()).isEqualTo(storeId);
        assertThat(client.describeUser(r -> r.identityStoreId(storeId).userId(scim)).externalIds())
                .singleElement().satisfies(e -> {
                    assertThat(e.issuer()).isEqualTo(SCIM_USER.issuer());
                    assertThat(e.id()).isEqualTo(SCIM_USER.id());
                });
        assertThatThrownBy(() -> client.getUserId(r -> r.identityStoreId(storeId)
                .alternateIdentifier(unique("userName", "nobody")))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> client.getUserId(r -> r.identityStoreId(storeId)
                .alternateIdentifier(unique("title", "x")))).isInstanceOf(ValidationException.class);
    }

    // ---- groups

    @Test
    void groupsAreCreatedDescribedUpdatedListedAndDeleted() {
        var created = client.createGroup(r -> r.identityStoreId(storeId).displayName("platform")
                .description("Runs it"));
        assertThat(created.identityStoreId()).isEqualTo(storeId);
        DescribeGroupResponse group = client.describeGroup(r -> r.identityStoreId(storeId).groupId(created.groupId()));
        assertThat(group.displayName()).isEqualTo("platform");
        assertThat(group.description()).isEqualTo("Runs it");
        assertThat(raw.lastResponse().get("CreatedBy").asText()).isEqualTo(TestDirectory.ADMIN_KEY_ID);
        assertThat(group.identityStoreId()).isEqualTo(storeId);

        client.updateGroup(r -> r.identityStoreId(storeId).groupId(created.groupId()).operations(
                op("displayName", Document.fromString("platform-team")), op("description", Document.fromNull())));
        DescribeGroupResponse updated = client.describeGroup(r -> r.identityStoreId(storeId)
                .groupId(created.groupId()));
        assertThat(updated.displayName()).isEqualTo("platform-team");
        assertThat(updated.description()).isNull();

        for (int i = 0; i < 3; i++) {
            String name = "team-" + i;
            client.createGroup(r -> r.identityStoreId(storeId).displayName(name));
        }
        var pages = client.listGroupsPaginator(r -> r.identityStoreId(storeId).maxResults(2));
        assertThat(pages.stream().count()).isEqualTo(3);
        assertThat(pages.groups().stream().map(Group::displayName).toList())
                .containsExactlyInAnyOrder("admins", "scim-group", "platform-team", "team-0", "team-1", "team-2");
        assertThat(client.listGroups(r -> r.identityStoreId(storeId).filters(Filter.builder()
                .attributePath("DisplayName").attributeValue("team-1").build())).groups())
                .extracting(Group::displayName).containsExactly("team-1");

        client.deleteGroup(r -> r.identityStoreId(storeId).groupId(created.groupId()));
        assertThatThrownBy(() -> client.describeGroup(r -> r.identityStoreId(storeId).groupId(created.groupId())))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo(ResourceType.GROUP));
    }

    @Test
    void getGroupIdFindsByDisplayNameAndExternalId() {
        String scim = groupId("scim-group");
        assertThat(client.getGroupId(r -> r.identityStoreId(storeId)
                .alternateIdentifier(AlternateIdentifier.fromExternalId(e -> e.issuer(SCIM_GROUP.issuer())
                        .id(SCIM_GROUP.id())))).groupId()).isEqualTo(scim);
        assertThat(client.describeGroup(r -> r.identityStoreId(storeId).groupId(scim)).externalIds())
                .singleElement().satisfies(e -> assertThat(e.id()).isEqualTo(SCIM_GROUP.id()));
        assertThatThrownBy(() -> client.getGroupId(r -> r.identityStoreId(storeId)
                .alternateIdentifier(unique("displayName", "nobody")))).isInstanceOf(ResourceNotFoundException.class);
    }

    // ---- memberships

    @Test
    void membershipsAreCreatedFoundListedCheckedAndDeleted() {
        String admins = groupId("admins");
        String team = client.createGroup(r -> r.identityStoreId(storeId).displayName("team")).groupId();
        String dan = createUser("dan");
        var created = client.createGroupMembership(r -> r.identityStoreId(storeId).groupId(admins)
                .memberId(MemberId.fromUserId(dan)));
        assertThat(created.identityStoreId()).isEqualTo(storeId);
        client.createGroupMembership(r -> r.identityStoreId(storeId).groupId(team).memberId(MemberId.fromUserId(dan)));

        DescribeGroupMembershipResponse described = client.describeGroupMembership(r -> r.identityStoreId(storeId)
                .membershipId(created.membershipId()));
        assertThat(described.groupId()).isEqualTo(admins);
        assertThat(described.memberId().userId()).isEqualTo(dan);
        assertThat(described.identityStoreId()).isEqualTo(storeId);
        assertThat(client.getGroupMembershipId(r -> r.identityStoreId(storeId).groupId(admins)
                .memberId(MemberId.fromUserId(dan))).membershipId()).isEqualTo(created.membershipId());

        var ofGroup = client.listGroupMembershipsPaginator(r -> r.identityStoreId(storeId).groupId(admins)
                .maxResults(1));
        assertThat(ofGroup.stream().count()).isEqualTo(3);
        assertThat(ofGroup.groupMemberships().stream().map(m -> m.memberId().userId()).toList())
                .hasSize(3).contains(dan);
        var ofMember = client.listGroupMembershipsForMemberPaginator(r -> r.identityStoreId(storeId)
                .memberId(MemberId.fromUserId(dan)).maxResults(1));
        assertThat(ofMember.stream().count()).isEqualTo(2);
        assertThat(ofMember.groupMemberships().stream().map(GroupMembership::groupId).toList())
                .containsExactlyInAnyOrder(admins, team);

        String scim = groupId("scim-group");
        assertThat(client.isMemberInGroups(r -> r.identityStoreId(storeId).memberId(MemberId.fromUserId(dan))
                .groupIds(team, scim, admins)).results())
                .extracting(GroupMembershipExistenceResult::groupId, GroupMembershipExistenceResult::membershipExists)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(team, true),
                        org.assertj.core.groups.Tuple.tuple(scim, false),
                        org.assertj.core.groups.Tuple.tuple(admins, true));

        client.deleteGroupMembership(r -> r.identityStoreId(storeId).membershipId(created.membershipId()));
        assertThatThrownBy(() -> client.describeGroupMembership(r -> r.identityStoreId(storeId)
                .membershipId(created.membershipId())))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.resourceType()).isEqualTo(ResourceType.GROUP_MEMBERSHIP));
        assertThat(service.gatehouse.directory().groupIdsOf(dan)).containsExactly(team);
    }

    // ---- errors

    @Test
    void aDuplicateIsAConflictException() {
        assertConflict(() -> createUser("ALICE"), "Duplicate UserName");
        assertConflict(() -> client.createGroup(r -> r.identityStoreId(storeId).displayName("Admins")),
                "Duplicate GroupDisplayName");
        String alice = service.gatehouse.directory().user("alice").orElseThrow().id();
        assertConflict(() -> client.createGroupMembership(r -> r.identityStoreId(storeId).groupId(groupId("admins"))
                .memberId(MemberId.fromUserId(alice))), "Member and Group relationship already exists");
    }

    @Test
    void badInputIsAValidationException() {
        assertValidation(() -> client.createUser(r -> r.identityStoreId(storeId).userName("two words")
                .displayName("x").name(n -> n.givenName("x").familyName("y"))), "userName");
        assertValidation(() -> client.createUser(r -> r.identityStoreId(storeId).userName("x")),
                "displayName: The attribute displayName is required");
        assertValidation(() -> client.createUser(r -> r.identityStoreId(storeId).userName("Administrator")
                .displayName("x").name(n -> n.givenName("x").familyName("y"))), "reserved");
        assertValidation(() -> client.listUsers(r -> r.identityStoreId(storeId).maxResults(101)), "maxResults");
        assertValidation(() -> client.listUsers(r -> r.identityStoreId(storeId).nextToken("bm90LWEtdG9rZW4")),
                "NextToken");
        assertValidation(() -> client.describeUser(r -> r.identityStoreId("not-a-store").userId("x")),
                "identityStoreId");
        assertValidation(() -> client.describeUser(r -> r.identityStoreId(storeId)), "userId");
        assertValidation(() -> client.updateUser(r -> r.identityStoreId(storeId)
                .userId(service.gatehouse.directory().user("bob").orElseThrow().id())
                .operations(op("favouriteColour", Document.fromString("red")))), "favouriteColour");
        assertValidation(() -> client.isMemberInGroups(r -> r.identityStoreId(storeId)
                .memberId(MemberId.fromUserId(groupId("admins")))), "groupIds");
    }

    @Test
    void anotherIdentityStoreIsNotFound() {
        assertThatThrownBy(() -> client.listUsers(r -> r.identityStoreId("d-0123456789")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.resourceType()).isEqualTo(ResourceType.IDENTITY_STORE);
                    assertThat(e.resourceId()).isEqualTo("d-0123456789");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("IdentityStore not present for IdentityStoreId: d-0123456789");
                });
    }

    // ---- helpers

    private String groupId(String displayName) {
        return client.getGroupId(r -> r.identityStoreId(storeId).alternateIdentifier(unique("displayName",
                displayName)))
                .groupId();
    }

    private static AlternateIdentifier unique(String path, String value) {
        return AlternateIdentifier.fromUniqueAttribute(UniqueAttribute.builder().attributePath(path)
                .attributeValue(Document.fromString(value)).build());
    }

    private static AttributeOperation op(String path, Document value) {
        return AttributeOperation.builder().attributePath(path).attributeValue(value).build();
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.reason()).isEqualTo(ConflictExceptionReason.UNIQUENESS_CONSTRAINT_VIOLATION);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    private static void assertValidation(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String mentions) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(mentions);
        });
    }

}
