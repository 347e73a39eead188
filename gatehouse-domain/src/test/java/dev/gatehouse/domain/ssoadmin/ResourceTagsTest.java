package dev.gatehouse.domain.ssoadmin;

import static dev.gatehouse.domain.DomainFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.directory.PermissionSet;
import dev.gatehouse.domain.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceTagsTest extends SsoAdminTestBase {
    private final ResourceTags tags = admin.tags();
    private final PermissionSet p = create("Tagged");

    private static List<Tag> numbered(int from, int to) {
        List<Tag> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new Tag(String.format("k%02d", i), "v" + i));
        }
        return out;
    }

    @Test
    void fiftyTagsAndNoMore() {
        tags.tag(Optional.of(instance), p.arn(), numbered(0, 49), CALLER);
        tags.tag(Optional.empty(), p.arn(), numbered(49, 50), CALLER);
        assertFails(ErrorCode.SERVICE_QUOTA_EXCEEDED, () -> tags.tag(Optional.empty(), p.arn(), numbered(50, 51),
                CALLER));
        tags.tag(Optional.empty(), p.arn(), List.of(new Tag("k00", "replaced")), CALLER);
        var listed = tags.list(Optional.empty(), p.arn(), Optional.empty()).items();
        assertThat(listed).hasSize(50).first().isEqualTo(new Tag("k00", "replaced"));
    }

    @Test
    void untagRemovesByKeyAndIgnoresKeysNotThere() {
        tags.tag(Optional.empty(), p.arn(), numbered(0, 3), CALLER);
        tags.untag(Optional.empty(), p.arn(), List.of("k01", "missing"), CALLER);
        assertThat(tags.list(Optional.empty(), p.arn(), Optional.empty()).items()).extracting(Tag::key)
                .containsExactly("k00", "k02");
        assertFails(ErrorCode.INVALID_REQUEST, () -> tags.untag(Optional.empty(), p.arn(), List.of(), CALLER));
    }

    @Test
    void onlyPermissionSetsOfThisInstanceAreTagged() {
        assertFails(ErrorCode.VALIDATION, () -> tags.tag(Optional.empty(), instance, numbered(0, 1), CALLER));
        assertFails(ErrorCode.ACCESS_DENIED, () -> tags.list(Optional.of("arn:aws:sso:::instance/ssoins-0000000000000000"),
                p.arn(), Optional.empty()));
        assertFails(ErrorCode.INVALID_REQUEST, () -> tags.list(Optional.empty(), "arn:aws:s3:::bucket", Optional.empty()));
    }
}
