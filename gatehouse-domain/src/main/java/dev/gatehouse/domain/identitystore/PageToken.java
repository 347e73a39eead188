package dev.gatehouse.domain.identitystore;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The NextToken of identitystore's lists: opaque to the caller, it holds the id of the last entry
 * the previous page showed and what was listed (users, groups, one group's memberships, …), so that
 * a token is only taken back by the list that gave it. Lists are ordered by id, so a page starts
 * just after that id even when entries were added or deleted since.
 */
final class PageToken {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private PageToken() {
    }

    /** The token for the page after {@code lastId} of the list {@code scope}. */
    static String after(String scope, String lastId) {
        return ENCODER.encodeToString((scope + "\n" + lastId).getBytes(StandardCharsets.UTF_8));
    }

    /** The id the page starts after, or null for the first page; a token of another list is refused. */
    static String lastIdOf(String scope, String token) {
        if (Inputs.nextToken(token) == null) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Inputs.invalid("The NextToken is not valid");
        }
        int newline = decoded.indexOf('\n');
        if (newline < 0 || !decoded.substring(0, newline).equals(scope) || newline == decoded.length() - 1) {
            throw Inputs.invalid("The NextToken is not valid");
        }
        return decoded.substring(newline + 1);
    }
}
