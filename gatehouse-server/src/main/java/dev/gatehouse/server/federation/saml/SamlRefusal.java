package dev.gatehouse.server.federation.saml;

import com.onelogin.saml2.exception.ValidationError;

/**
 * Why an answer of the SAML identity provider was refused: the {@code reason} the audit trail records,
 * the HTTP status of the page, and the words the page shows (safe to show: they name the check, never
 * the answer's content).
 */
public enum SamlRefusal {
    MALFORMED("malformed", 400, "The identity provider's answer could not be read."),
    UNSIGNED("unsigned", 403, "The identity provider's answer is not signed."),
    BAD_SIGNATURE("bad-signature", 403,
            "The identity provider's answer does not carry a valid signature by its certificate: it may have been altered."),
    EXPIRED("expired", 403, "The identity provider's answer is out of its validity period. Sign in again."),
    WRONG_AUDIENCE("wrong-audience", 403, "The identity provider's answer is meant for another service."),
    WRONG_RECIPIENT("wrong-recipient", 403, "The identity provider's answer was addressed to another URL than this service's."),
    WRONG_ISSUER("wrong-issuer", 403, "The answer does not come from the configured identity provider."),
    NOT_REQUESTED("not-requested", 403,
            "The identity provider's answer does not answer the sign-in this browser started. Sign in again."),
    RELAY_STATE("relay-state", 403, "This sign-in was started in another browser, or too long ago. Sign in again."),
    REPLAYED("replayed", 403, "The identity provider's answer has been used already. Sign in again."),
    NOT_SIGNED_IN("not-signed-in", 403, "The identity provider did not sign you in."),
    NO_SUCH_USER("no-such-user", 403, "No Gatehouse user matches the identity you signed in with. Ask your administrator."),
    INVALID("invalid", 403, "The identity provider's answer is not acceptable.");

    private final String reason;
    private final int status;
    private final String message;

    SamlRefusal(String reason, int status, String message) {
        this.reason = reason;
        this.status = status;
        this.message = message;
    }

    /** The audit trail's {@code reason}. */
    public String reason() {
        return reason;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }

    /** The refusal a java-saml validation failure stands for. */
    static SamlRefusal of(Exception failure) {
        if (!(failure instanceof ValidationError error)) {
            return INVALID;
        }
        return switch (error.getErrorCode()) {
            case ValidationError.INVALID_XML_FORMAT, ValidationError.MISSING_ID, ValidationError.UNSUPPORTED_SAML_VERSION,
                 ValidationError.WRONG_NUMBER_OF_ASSERTIONS, ValidationError.MISSING_STATUS,
                 ValidationError.MISSING_STATUS_CODE, ValidationError.INVALID_ISSUE_INSTANT_FORMAT -> MALFORMED;
            case ValidationError.STATUS_CODE_IS_NOT_SUCCESS -> NOT_SIGNED_IN;
            case ValidationError.NO_SIGNATURE_FOUND, ValidationError.NO_SIGNED_MESSAGE,
                 ValidationError.NO_SIGNED_ASSERTION -> UNSIGNED;
            case ValidationError.INVALID_SIGNATURE, ValidationError.WRONG_SIGNED_ELEMENT,
                 ValidationError.ID_NOT_FOUND_IN_SIGNED_ELEMENT, ValidationError.DUPLICATED_ID_IN_SIGNED_ELEMENTS,
                 ValidationError.INVALID_SIGNED_ELEMENT, ValidationError.DUPLICATED_REFERENCE_IN_SIGNED_ELEMENTS,
                 ValidationError.UNEXPECTED_SIGNED_ELEMENTS, ValidationError.WRONG_NUMBER_OF_SIGNATURES_IN_RESPONSE,
                 ValidationError.WRONG_NUMBER_OF_SIGNATURES_IN_ASSERTION, ValidationError.WRONG_NUMBER_OF_SIGNATURES,
                 ValidationError.UNEXPECTED_REFERENCE -> BAD_SIGNATURE;
            case ValidationError.ASSERTION_TOO_EARLY, ValidationError.ASSERTION_EXPIRED, ValidationError.SESSION_EXPIRED,
                 ValidationError.RESPONSE_EXPIRED -> EXPIRED;
            case ValidationError.WRONG_AUDIENCE, ValidationError.SP_NAME_QUALIFIER_NAME_MISMATCH -> WRONG_AUDIENCE;
            case ValidationError.WRONG_DESTINATION, ValidationError.EMPTY_DESTINATION -> WRONG_RECIPIENT;
            case ValidationError.WRONG_ISSUER, ValidationError.ISSUER_MULTIPLE_IN_RESPONSE,
                 ValidationError.ISSUER_NOT_FOUND_IN_ASSERTION -> WRONG_ISSUER;
            case ValidationError.WRONG_INRESPONSETO -> NOT_REQUESTED;
            case ValidationError.WRONG_SUBJECTCONFIRMATION -> ofSubjectConfirmation(String.valueOf(error.getMessage()));
            default -> INVALID;
        };
    }

    /** java-saml says which bearer confirmation check failed only in its message (SubjectConfirmationIssue). */
    private static SamlRefusal ofSubjectConfirmation(String message) {
        if (message.contains("Recipient")) {
            return WRONG_RECIPIENT;
        }
        if (message.contains("InResponseTo")) {
            return NOT_REQUESTED;
        }
        if (message.contains("no longer valid") || message.contains("not yet valid")
                || message.contains("NotOnOrAfter")) {
            return EXPIRED;
        }
        return INVALID;
    }
}
