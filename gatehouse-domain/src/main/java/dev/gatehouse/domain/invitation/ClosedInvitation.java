package dev.gatehouse.domain.invitation;

/** A link that can no longer set a password, and why, in words safe to show to whoever holds it. */
public record ClosedInvitation(Reason reason) implements Invitations.Lookup, Invitations.Outcome {

    /** Why a link cannot be used. */
    public enum Reason {
        /** No invitation has this token: mistyped, or replaced by a newer invitation for the same user. */
        UNKNOWN("This invitation link is not valid. It may have been replaced by a newer one; ask your "
                + "administrator for a new link."),
        /** Its seven days are over. */
        EXPIRED("This invitation link has expired. Ask your administrator for a new one."),
        /** Its password was set already. */
        USED("This invitation link has already been used. Sign in with the password you set."),
        /** The user it was for has been deleted. */
        USER_GONE("This invitation link is not valid any more: the user it was for no longer exists.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
