package dev.gatehouse.domain.federation;

import dev.gatehouse.domain.audit.AuditEvent;
import dev.gatehouse.domain.audit.AuditTrail;
import dev.gatehouse.domain.directory.Attributes;
import dev.gatehouse.domain.directory.DirectoryEntry;
import dev.gatehouse.domain.directory.ExternalId;
import dev.gatehouse.domain.directory.Group;
import dev.gatehouse.domain.directory.LiveDirectory;
import dev.gatehouse.domain.directory.Membership;
import dev.gatehouse.domain.directory.Origin;
import dev.gatehouse.domain.directory.Stamps;
import dev.gatehouse.domain.directory.User;
import dev.gatehouse.domain.store.UniqueKeyTakenException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Makes the directory user of an upstream identity that names none, on its first sign-in, when the
 * identity source says so ({@code justInTimeUsers}): one write through the live directory of the user
 * (user name = the matched value, its e-mail when the match is by e-mail; the provider's subject as an
 * external id; no password) and a membership in each group the provider named that the directory has
 * (by display name; groups it does not have are left out, not made). The user is an {@link Origin#API}
 * entry, so the directory file never removes it; an admin can, through identitystore. Groups are set
 * once, at creation: later changes upstream reach Gatehouse through SCIM or an admin.
 */
public final class JustInTimeUsers {
    /** identitystore's user name: letters, marks, symbols, digits and punctuation, at most 128. */
    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]{1,128}");
    private static final Pattern PROFILE_STRING = Pattern.compile("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P} ]{1,1024}");

    private final LiveDirectory live;
    private final InstantSource clock;
    private final AuditTrail audit;

    public JustInTimeUsers(LiveDirectory live, InstantSource clock, AuditTrail audit) {
        this.live = live;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * The user made for {@code identity}, or the one another instance made for it meanwhile (the user
     * name is a unique key: the second write is refused, the first one's user is read back); empty when
     * the matched value cannot be a user name.
     */
    public Optional<User> create(UpstreamIdentity identity, IdentitySource.UserMatch match) {
        String userName = identity.matchValue() == null ? "" : identity.matchValue().strip();
        if (!USER_NAME.matcher(userName).matches()) {
            return Optional.empty();
        }
        Stamps stamps = Stamps.made(clock.instant(), "federation:" + identity.protocol());
        User user = new User(live.directory().ids().newResourceId(), userName, Optional.empty(), Optional.empty(),
                profile(identity, match, userName), List.of(new ExternalId(identity.issuer(), identity.subject())),
                Origin.API, stamps);
        List<DirectoryEntry> puts = new ArrayList<>();
        puts.add(user);
        List<String> joined = new ArrayList<>();
        for (String name : identity.groups().stream().distinct().toList()) {
            Optional<Group> group = live.directory().groupByName(name);
            group.ifPresent(g -> {
                puts.add(new Membership(live.directory().ids().newResourceId(), g.id(), user.id(), Origin.API, stamps));
                joined.add(g.displayName());
            });
        }
        try {
            live.write(puts, List.of());
        } catch (UniqueKeyTakenException taken) {
            live.refresh();
            return live.directory().user(userName);
        }
        audit.event(AuditEvent.USER_CREATED_JUST_IN_TIME).user(user).detail("upstream", identity.protocol())
                .detail("issuer", identity.issuer()).detail("groups", String.join(",", joined)).record();
        return Optional.of(user);
    }

    /** DisplayName (the provider's name, else the user name), Name when both parts came, and the e-mail. */
    private static Attributes profile(UpstreamIdentity identity, IdentitySource.UserMatch match, String userName) {
        UpstreamIdentity.Profile said = identity.profile();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("DisplayName", said.displayName().filter(JustInTimeUsers::storable).orElse(userName));
        Optional<String> given = said.givenName().filter(JustInTimeUsers::storable);
        Optional<String> family = said.familyName().filter(JustInTimeUsers::storable);
        if (given.isPresent() && family.isPresent()) {
            values.put("Name", Map.of("GivenName", given.get(), "FamilyName", family.get()));
        }
        Optional<String> email = match == IdentitySource.UserMatch.EMAIL ? Optional.of(userName)
                : said.email().filter(JustInTimeUsers::storable);
        email.ifPresent(e -> values.put("Emails", List.of(Map.of("Value", e, "Type", "work", "Primary", true))));
        return Attributes.of(values);
    }

    private static boolean storable(String value) {
        return PROFILE_STRING.matcher(value).matches();
    }
}
