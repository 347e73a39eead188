package dev.gatehouse.server.federation.saml;

import java.time.Instant;
import java.util.List;

/** What {@link SamlResponseCheck} made of an identity provider's answer: accepted, or refused and why. */
public sealed interface SamlAnswer {

    /**
     * An answer that passed every check (not yet spent: one-time use is the caller's next step).
     *
     * @param assertionId the assertion's ID, spent once
     * @param keepUntil   the last instant the answer could still pass the time checks; its id is kept until then
     * @param nameId      the subject's NameID
     * @param groups      the values of the configured groups attribute (none when not configured or not sent)
     */
    record Accepted(String assertionId, Instant keepUntil, String issuer, String nameId, List<String> groups)
            implements SamlAnswer {
        public Accepted {
            groups = List.copyOf(groups);
        }
    }

    /** @param detail the library's or the check's own words, for the log (never shown; no secret in it) */
    record Refused(SamlRefusal refusal, String detail) implements SamlAnswer {
    }
}
