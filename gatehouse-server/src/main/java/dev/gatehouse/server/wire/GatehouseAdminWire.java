package dev.gatehouse.server.wire;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.domain.admin.AdminKeys.NewAdminKey;
import dev.gatehouse.domain.directory.AdminKey;
import dev.gatehouse.domain.error.InvalidMemberException;
import dev.gatehouse.domain.portal.Page;
import dev.gatehouse.domain.portal.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of Gatehouse's own admin operations ({@code X-Amz-Target: GatehouseAdmin.*},
 * awsJson1.1), with members named in AWS's style: an admin key is
 * {@code {AccessKeyId, Description, Status ("Active" | "Revoked"), CreatedAt, CreatedBy, RevokedAt}}
 * (times in epoch seconds, absent members left out); CreateAdminKey's answer adds
 * {@code SecretAccessKey}, which no other answer carries. Lists take {@code NextToken} and
 * {@code MaxResults} (1..100) and answer {@code NextToken} while more pages follow.
 */
public final class GatehouseAdminWire {
    private GatehouseAdminWire() {
    }

    // ---- inputs

    /** A string member, or empty when absent or null; any other type is a ValidationException. */
    public static Optional<String> optionalString(JsonNode input, String member) {
        return Optional.ofNullable(AwsJsonMembers.string(input, member, member, true));
    }

    /** A required string member: missing, null or empty is a ValidationException naming it. */
    public static String requiredString(JsonNode input, String member) {
        return optionalString(input, member).filter(s -> !s.isEmpty())
                .orElseThrow(() -> InvalidMemberException.missing(member));
    }

    /** {@code NextToken} and {@code MaxResults} (1..100, default {@value PageRequest#DEFAULT_PAGE_SIZE}). */
    public static PageRequest page(JsonNode input) {
        Optional<String> nextToken = optionalString(input, "NextToken").filter(s -> !s.isEmpty());
        return new PageRequest(nextToken, maxResults(input, PageRequest.MAX_PAGE_SIZE, PageRequest.DEFAULT_PAGE_SIZE));
    }

    /** {@code MaxResults}, 1..{@code max}; {@code byDefault} when absent. */
    public static int maxResults(JsonNode input, int max, int byDefault) {
        Integer given = AwsJsonMembers.integer(input, "MaxResults", "MaxResults");
        if (given == null) {
            return byDefault;
        }
        if (given < 1 || given > max) {
            throw InvalidMemberException.outOfRange("MaxResults", given, 1, max);
        }
        return given;
    }

    // ---- outputs

    /** CreateAdminKey's answer: the key and, this once, its secret. */
    public static Map<String, Object> created(NewAdminKey made) {
        Map<String, Object> out = adminKey(made.key());
        out.put("SecretAccessKey", made.secretAccessKey());
        return out;
    }

    /** ListAdminKeys' answer. */
    public static Map<String, Object> adminKeys(Page<AdminKey> page) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AdminKeys", page.items().stream().map(GatehouseAdminWire::adminKey).toList());
        page.nextToken().ifPresent(token -> out.put("NextToken", token));
        return out;
    }

    /** One admin key, without any secret. */
    public static Map<String, Object> adminKey(AdminKey key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AccessKeyId", key.accessKeyId());
        key.description().ifPresent(d -> out.put("Description", d));
        out.put("Status", key.isActive() ? "Active" : "Revoked");
        out.put("CreatedAt", epochSeconds(key.createdAt()));
        out.put("CreatedBy", key.createdBy());
        key.revokedAt().ifPresent(at -> out.put("RevokedAt", epochSeconds(at)));
        return out;
    }

    /** An instant as awsJson1.1 writes a timestamp: epoch seconds, to the millisecond. */
    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
