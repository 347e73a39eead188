package dev.gatehouse.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gatehouse.server.AdminCalls;
import dev.gatehouse.server.TestService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input on the admin APIs, sent as raw signed calls (the AWS SDK's own SigV4 signer, the test
 * directory's admin key): a body that is not JSON or not an object, and every member of a sample of
 * identitystore, sso-admin and GatehouseAdmin operations swapped for a value of the wrong JSON type,
 * null, a deeply nested value or a huge string. Every answer is a 400 with an AWS error type and a
 * message, never a 500; a member the operation does not know is ignored, as AWS ignores it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class AdminBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> INPUT_ERRORS = Set.of("ValidationException", "SerializationException",
            "ResourceNotFoundException", "ConflictException");

    @TempDir
    static Path dataDir;
    TestService service;
    AdminCalls calls;
    String storeId;
    String instanceArn;
    String userId;
    String permissionSetArn;

    @BeforeAll
    void start() throws Exception {
        service = new TestService(dataDir);
        calls = new AdminCalls(service.baseUrl());
        JsonNode instance = ok(call("SWBExternalService.ListInstances", "{}")).path("Instances").get(0);
        storeId = instance.path("IdentityStoreId").asText();
        instanceArn = instance.path("InstanceArn").asText();
        userId = ok(call("AWSIdentityStore.CreateUser", """
                {"IdentityStoreId":"%s","UserName":"probe","DisplayName":"Probe",
                 "Name":{"GivenName":"P","FamilyName":"Robe"}}""".formatted(storeId))).path("UserId").asText();
        permissionSetArn = ok(call("SWBExternalService.CreatePermissionSet",
                "{\"InstanceArn\":\"%s\",\"Name\":\"Probe\"}".formatted(instanceArn)))
                .path("PermissionSet").path("PermissionSetArn").asText();
    }

    @AfterAll
    void stop() {
        calls.close();
        service.close();
    }

    /** Valid bodies of the sampled operations, by target; each member of each is then spoiled. */
    private Map<String, String> samples() {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("AWSIdentityStore.CreateUser", """
                {"IdentityStoreId":"%s","UserName":"someone","DisplayName":"Some One",
                 "Name":{"GivenName":"Some","FamilyName":"One"},
                 "Emails":[{"Value":"some@example.com","Type":"work","Primary":true}]}""".formatted(storeId));
        samples.put("AWSIdentityStore.UpdateUser", """
                {"IdentityStoreId":"%s","UserId":"%s",
                 "Operations":[{"AttributePath":"displayName","AttributeValue":"Probe Two"}]}"""
                .formatted(storeId, userId));
        samples.put("AWSIdentityStore.ListUsers", """
                {"IdentityStoreId":"%s","MaxResults":10,
                 "Filters":[{"AttributePath":"UserName","AttributeValue":"probe"}]}""".formatted(storeId));
        samples.put("AWSIdentityStore.GetUserId", """
                {"IdentityStoreId":"%s","AlternateIdentifier":
                 {"UniqueAttribute":{"AttributePath":"userName","AttributeValue":"probe"}}}""".formatted(storeId));
        samples.put("SWBExternalService.CreatePermissionSet", """
                {"InstanceArn":"%s","Name":"Another","Description":"d","SessionDuration":"PT2H",
                 "Tags":[{"Key":"k","Value":"v"}]}""".formatted(instanceArn));
        samples.put("SWBExternalService.CreateAccountAssignment", """
                {"InstanceArn":"%s","TargetId":"222222222222","TargetType":"AWS_ACCOUNT",
                 "PermissionSetArn":"%s","PrincipalType":"USER","PrincipalId":"%s"}"""
                .formatted(instanceArn, permissionSetArn, userId));
        samples.put("SWBExternalService.ListAccountAssignments", """
                {"InstanceArn":"%s","AccountId":"222222222222","PermissionSetArn":"%s","MaxResults":5}"""
                .formatted(instanceArn, permissionSetArn));
        samples.put("GatehouseAdmin.CreateAdminKey", "{\"Description\":\"probe key\"}");
        samples.put("GatehouseAdmin.ListAdminKeys", "{\"MaxResults\":5}");
        samples.put("GatehouseAdmin.RevokeAdminKey", "{\"AccessKeyId\":\"AKIANOSUCHKEY0000000\"}");
        samples.put("GatehouseAdmin.CreateInvitation", "{\"UserId\":\"%s\"}".formatted(userId));
        return samples;
    }

    /** Values of the wrong type for any member, whatever type it should have. */
    private static List<String> wrongValues() {
        String deep = "[".repeat(2_000) + "]".repeat(2_000);
        String nested = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        String huge = "\"" + "x".repeat(60_000) + "\"";
        return List.of("42", "-1", "1.5e308", "true", "[]", "[1,[2]]", "{}", "{\"Unknown\":[null]}", "\"\"",
                "[\"a\",null]", deep, nested, huge, "12345678901234567890123");
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsAValidationException() {
        List<String> bodies = List.of("not json", "{", "{\"a\":1}}", "[]", "null", "42", "\"text\"",
                "{\"a\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", "\u0000");
        List<String> problems = new ArrayList<>();
        for (String target : samples().keySet()) {
            for (String body : bodies) {
                check(target, body, true, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anEmptyBodyIsAValidationExceptionWhereMembersAreRequired() {
        List<String> problems = new ArrayList<>();
        for (String target : samples().keySet()) {
            check(target, "", !target.equals("GatehouseAdmin.ListAdminKeys")
                    && !target.equals("GatehouseAdmin.CreateAdminKey"), problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyMemberOfTheWrongTypeIsRefusedWithA400() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> sample : samples().entrySet()) {
            ObjectNode valid = (ObjectNode) JSON.readTree(sample.getValue());
            for (String path : memberPaths(valid, "")) {
                for (String wrong : wrongValues()) {
                    check(sample.getKey(), replaced(sample.getValue(), path, wrong), false, problems);
                }
                check(sample.getKey(), replaced(sample.getValue(), path, "null"), false, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void membersTheOperationDoesNotKnowAreIgnored() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> sample : samples().entrySet()) {
            ObjectNode body = (ObjectNode) JSON.readTree(sample.getValue());
            body.put("NoSuchMember", 42);
            body.set("AnotherUnknown", JSON.readTree("{\"x\":[1,2,{\"y\":null}]}"));
            check(sample.getKey(), JSON.writeValueAsString(body), false, problems);
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMemberOfTheWrongTypeIsNamedByWhereItSits() throws Exception {
        assertThat(message("AWSIdentityStore.ListUsers", """
                {"IdentityStoreId":"%s","Filters":[{"AttributePath":42,"AttributeValue":"probe"}]}"""
                .formatted(storeId))).contains("'filters.member.attributePath'").contains("must be a string");
        assertThat(message("AWSIdentityStore.UpdateUser", """
                {"IdentityStoreId":"%s","UserId":"%s","Operations":[{"AttributePath":[],"AttributeValue":"x"}]}"""
                .formatted(storeId, userId))).contains("'operations.member.attributePath'");
        assertThat(message("AWSIdentityStore.GetUserId", """
                {"IdentityStoreId":"%s","AlternateIdentifier":{"ExternalId":{"Issuer":{},"Id":"1"}}}"""
                .formatted(storeId))).contains("'alternateIdentifier.externalId.issuer'");
        assertThat(message("AWSIdentityStore.ListUsers", """
                {"IdentityStoreId":"%s","MaxResults":[7]}""".formatted(storeId)))
                .contains("Value '[7]' at 'maxResults'");
        assertThat(message("SWBExternalService.CreatePermissionSet", """
                {"InstanceArn":"%s","Name":"Tagged","Tags":[{"Key":{},"Value":"v"}]}""".formatted(instanceArn)))
                .contains("'tags.member.key'");
        assertThat(message("SWBExternalService.PutPermissionsBoundaryToPermissionSet", """
                {"InstanceArn":"%s","PermissionSetArn":"%s",
                 "PermissionsBoundary":{"CustomerManagedPolicyReference":{"Name":7}}}"""
                .formatted(instanceArn, permissionSetArn)))
                .contains("'permissionsBoundary.customerManagedPolicyReference.name'");
        assertThat(message("SWBExternalService.ListAccountAssignmentCreationStatus", """
                {"InstanceArn":"%s","Filter":{"Status":true}}""".formatted(instanceArn)))
                .contains("'filter.status'");
    }

    @Test
    void aBodyThatIsNotJsonIsToldWhereItBreaks() throws Exception {
        assertThat(message("GatehouseAdmin.ListAdminKeys", "{\n  \"MaxResults\": 5,,\n}"))
                .matches("The request body is not valid JSON \\(line 2, column 1[89]\\)");
        assertThat(message("GatehouseAdmin.ListAdminKeys", "{\"a\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}"))
                .isEqualTo("The request body is nested too deeply or holds a value too large to read");
    }

    @Test
    void aSensitiveStringOfTheWrongTypeIsNotEchoed() throws Exception {
        assertThat(message("AWSIdentityStore.CreateUser", """
                {"IdentityStoreId":"%s","UserName":["hunter2-secret"],"DisplayName":"X"}""".formatted(storeId)))
                .contains("'userName'").doesNotContain("hunter2");
        assertThat(message("GatehouseAdmin.CreateInvitation", "{\"UserName\":{\"n\":\"hunter2-secret\"}}"))
                .contains("UserName").doesNotContain("hunter2");
    }

    private String message(String target, String body) throws Exception {
        HttpResponse<String> response = call(target, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("__type").asText()).isEqualTo("ValidationException");
        return error.path("Message").asText();
    }

    @Test
    void aNextTokenThatNoPageGaveIsRefused() {
        List<String> tokens = List.of("x", "%%%", "AAAA", "eyJhIjoxfQ", "bnVsbA", "-".repeat(5_000),
                "\u00e9\u00e9", "ghat_notapagetoken");
        List<String> problems = new ArrayList<>();
        for (String token : tokens) {
            String next = ",\"NextToken\":\"" + token + "\"}";
            check("AWSIdentityStore.ListUsers", "{\"IdentityStoreId\":\"" + storeId + "\"" + next, true, problems);
            check("AWSIdentityStore.ListGroups", "{\"IdentityStoreId\":\"" + storeId + "\"" + next, true, problems);
            check("SWBExternalService.ListPermissionSets", "{\"InstanceArn\":\"" + instanceArn + "\"" + next, true,
                    problems);
            check("SWBExternalService.ListAccountAssignments", "{\"InstanceArn\":\"" + instanceArn
                    + "\",\"AccountId\":\"222222222222\",\"PermissionSetArn\":\"" + permissionSetArn + "\"" + next,
                    true, problems);
            check("GatehouseAdmin.ListAdminKeys", "{\"MaxResults\":5" + next, true, problems);
        }
        assertThat(problems).isEmpty();
    }

    /** Unless the call is refused as it should be, a line in {@code problems}. */
    private void check(String target, String body, boolean mustFail, List<String> problems) {
        HttpResponse<String> response = call(target, body);
        String shown = body.length() > 120 ? body.substring(0, 120) + "...(" + body.length() + ")" : body;
        if (response.statusCode() == 200) {
            if (mustFail) {
                problems.add(target + " " + shown + " -> 200");
            }
            return;
        }
        String type;
        String message;
        try {
            JsonNode error = JSON.readTree(response.body());
            type = error.path("__type").asText();
            message = error.path("Message").asText();
        } catch (Exception e) {
            problems.add(target + " " + shown + " -> " + response.statusCode() + " not JSON");
            return;
        }
        if (response.statusCode() != 400 || !INPUT_ERRORS.contains(type) || message.isBlank()
                || message.length() > 1_000) {
            problems.add(target + " " + shown + " -> " + response.statusCode() + " " + type + " "
                    + message.substring(0, Math.min(200, message.length())));
        }
    }

    private HttpResponse<String> call(String target, String body) {
        return calls.asBootstrap(target, body);
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** JSON pointers of every member and list entry of {@code node}, nested ones too. */
    private static List<String> memberPaths(JsonNode node, String at) {
        List<String> paths = new ArrayList<>();
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String path = at + "/" + field.getKey();
                paths.add(path);
                paths.addAll(memberPaths(field.getValue(), path));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(at + "/" + i);
                paths.addAll(memberPaths(node.get(i), at + "/" + i));
            }
        }
        return paths;
    }

    /** {@code body} with the value at {@code pointer} replaced by the raw JSON {@code value}. */
    private static String replaced(String body, String pointer, String value) {
        String marker = "\"@@REPLACED@@\"";
        try {
            JsonNode tree = JSON.readTree(body);
            String parentPointer = pointer.substring(0, pointer.lastIndexOf('/'));
            String last = pointer.substring(pointer.lastIndexOf('/') + 1);
            JsonNode parent = parentPointer.isEmpty() ? tree : tree.at(parentPointer);
            if (parent.isObject()) {
                ((ObjectNode) parent).put(last, "@@REPLACED@@");
            } else {
                ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last),
                        JSON.getNodeFactory().textNode("@@REPLACED@@"));
            }
            return JSON.writeValueAsString(tree).replace(marker, value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
