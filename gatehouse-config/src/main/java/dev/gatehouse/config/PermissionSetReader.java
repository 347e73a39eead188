package dev.gatehouse.config;

import dev.gatehouse.domain.directory.DirectoryFile.FilePermissionSet;
import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.directory.PermissionSet.Boundary;
import dev.gatehouse.domain.directory.PermissionSet.Policies;
import dev.gatehouse.domain.directory.PermissionSet.PolicyReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code permissionSets} section: the name and session duration, Gatehouse's
 * {@code revokeRoleSessionsOnLogout}, and what sso-admin keeps with a permission set (its ARN,
 * description, relay state, tags and policies), each checked against sso-admin's own rules for it.
 */
final class PermissionSetReader {
    static final String[] KEYS = {"name", "sessionDuration", "revokeRoleSessionsOnLogout", "arn", "description",
        "relayState", "tags", "inlinePolicy", "managedPolicies", "customerManagedPolicies", "permissionsBoundary"};
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern ARN = Pattern.compile(
            "arn:aws(-[a-z]{1,5}){0,3}:sso:::permissionSet/(sso)?ins-[a-zA-Z0-9-.]{16}/ps-[a-zA-Z0-9-./]{16}");
    private static final Pattern DESCRIPTION = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");
    private static final Pattern RELAY_STATE = Pattern.compile("[a-zA-Z0-9&$@#\\\\/%?=~\\-_'\"|!:,.;*+\\[\\] (){}]+");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern POLICY_DOCUMENT = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    private static final Pattern MANAGED_POLICY_ARN = Pattern.compile(
            "arn:aws(-[a-z]{1,5}){0,3}:iam::aws:policy((/[A-Za-z0-9.,+@=_-]+)*)/([A-Za-z0-9.,+=@_-]+)");
    private static final Pattern POLICY_PATH = Pattern.compile("((/[A-Za-z0-9.,+@=_-]+)*)/");
    private static final int MAX_TAGS = 75;

    private final Map<String, Integer> nameLines = new LinkedHashMap<>();
    private final Map<String, Integer> arnLines = new LinkedHashMap<>();

    /** The names read so far, each with the line that defines it. */
    Map<String, Integer> names() {
        return nameLines;
    }

    /** The permission set; empty when its name is unusable (other problems are only recorded). */
    Optional<FilePermissionSet> read(YamlMap m) {
        String name = m.require("name")
                .flatMap(v -> v.string(n -> n.length() <= 32 && NAME.matcher(n).matches(),
                                v.name() + " must be 1 to 32 letters, digits or +=,.@_- characters, was '%s'")
                        .filter(n -> DirectoryReader.unique(v, n, nameLines, "permission set name")))
                .orElse(null);
        Duration duration = m.get("sessionDuration")
                .flatMap(v -> v.duration(PermissionSet.MIN_SESSION, PermissionSet.MAX_SESSION))
                .orElse(PermissionSet.DEFAULT_SESSION);
        boolean revokeOnLogout = m.get("revokeRoleSessionsOnLogout").flatMap(YamlValue::bool).orElse(false);
        Optional<String> arn = m.get("arn").flatMap(v -> v.string(a -> a.length() <= 1224 && ARN.matcher(a).matches(),
                "'arn' must be a permission set ARN (arn:aws:sso:::permissionSet/ssoins-…/ps-…), was '%s'")
                .filter(a -> DirectoryReader.unique(v, a, arnLines, "permission set arn")));
        Optional<String> description = m.get("description").flatMap(v -> v.string(
                d -> !d.isEmpty() && d.length() <= 700 && DESCRIPTION.matcher(d).matches(),
                "'description' must be 1 to 700 printable Latin-1 characters"));
        Optional<String> relayState = m.get("relayState").flatMap(v -> v.string(
                r -> r.length() <= 240 && RELAY_STATE.matcher(r).matches(),
                "'relayState' must be 1 to 240 characters of a URL, was '%s'"));
        Map<String, String> tags = m.get("tags").map(PermissionSetReader::tags).orElse(Map.of());
        Policies policies = new Policies(
                m.get("inlinePolicy").flatMap(v -> v.string(
                        p -> p.length() <= 32768 && POLICY_DOCUMENT.matcher(p).matches(),
                        "'inlinePolicy' must be a policy document of 1 to 32768 printable Latin-1 characters")),
                m.get("managedPolicies").map(PermissionSetReader::managedPolicies).orElse(List.of()),
                m.get("customerManagedPolicies").map(PermissionSetReader::customerManagedPolicies).orElse(List.of()),
                m.get("permissionsBoundary").flatMap(PermissionSetReader::boundary));
        return Optional.ofNullable(name).map(n -> new FilePermissionSet(arn, n, duration, revokeOnLogout, description,
                relayState, tags, policies));
    }

    private static Map<String, String> tags(YamlValue section) {
        Map<String, String> tags = new LinkedHashMap<>();
        section.entries().ifPresent(entries -> {
            if (entries.size() > MAX_TAGS) {
                section.fail("'tags' may hold at most %d tags, has %d".formatted(MAX_TAGS, entries.size()));
            }
            entries.forEach((key, value) -> {
                boolean goodKey = key.length() <= 128 && TAG.matcher(key).matches()
                        || value.fail("a tag key must be 1 to 128 letters, digits, spaces or _.:/=+-@, was '%s'"
                                .formatted(key));
                value.string(t -> t.length() <= 256 && TAG.matcher(t).matches(),
                                "the value of tag '" + key + "' must be at most 256 letters, digits, spaces or "
                                        + "_.:/=+-@, was '%s'")
                        .filter(t -> goodKey)
                        .ifPresent(t -> tags.put(key, t));
            });
        });
        return tags;
    }

    private static List<String> managedPolicies(YamlValue section) {
        Set<String> arns = new LinkedHashSet<>();
        section.list().ifPresent(items -> items.forEach(item -> item
                .string(a -> a.length() >= 20 && a.length() <= 2048 && MANAGED_POLICY_ARN.matcher(a).matches(),
                        "a managed policy must be an AWS managed policy ARN (arn:aws:iam::aws:policy/…), was '%s'")
                .filter(a -> arns.add(a) || item.fail("managed policy '%s' is listed twice".formatted(a)))));
        return new ArrayList<>(arns);
    }

    private static List<PolicyReference> customerManagedPolicies(YamlValue section) {
        List<PolicyReference> references = new ArrayList<>();
        section.list().ifPresent(items -> items.forEach(item -> item.map("name", "path")
                .flatMap(PermissionSetReader::reference)
                .filter(r -> !references.contains(r) || item.fail("customer managed policy '%s%s' is listed twice"
                        .formatted(r.path(), r.name())))
                .ifPresent(references::add)));
        return references;
    }

    private static Optional<PolicyReference> reference(YamlMap m) {
        Optional<String> name = m.require("name").flatMap(v -> v.string(
                n -> n.length() <= 128 && NAME.matcher(n).matches(),
                "'name' must be 1 to 128 letters, digits or +=,.@_- characters, was '%s'"));
        Optional<String> path = m.get("path").flatMap(v -> v.string(
                p -> p.length() <= 512 && POLICY_PATH.matcher(p).matches(),
                "'path' must start and end with / (such as / or /team/), was '%s'"));
        return name.map(n -> new PolicyReference(n, path.orElse("/")));
    }

    private static Optional<Boundary> boundary(YamlValue value) {
        return value.map("managedPolicyArn", "customerManagedPolicy").flatMap(m -> m
                .oneOf("managedPolicyArn", "customerManagedPolicy")
                .flatMap(key -> key.equals("managedPolicyArn")
                        ? m.require(key).flatMap(v -> v.string(
                                a -> MANAGED_POLICY_ARN.matcher(a).matches() && a.length() <= 2048,
                                "'managedPolicyArn' must be an AWS managed policy ARN (arn:aws:iam::aws:policy/…), "
                                        + "was '%s'"))
                                .map(a -> new Boundary(Optional.of(a), Optional.empty()))
                        : m.require(key).flatMap(v -> v.map("name", "path")).flatMap(PermissionSetReader::reference)
                                .map(r -> new Boundary(Optional.empty(), Optional.of(r)))));
    }
}
