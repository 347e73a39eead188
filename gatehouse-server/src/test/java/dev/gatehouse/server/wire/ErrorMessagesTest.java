package dev.gatehouse.server.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.error.GatehouseException;
import dev.gatehouse.domain.error.InvalidMemberException;
import org.junit.jupiter.api.Test;

/** The domain's input rules, worded as the AWS validators word them; other errors keep their own message. */
class ErrorMessagesTest {
    private static final String ONE = "1 validation error detected: ";

    @Test
    void eachRuleInTheValidatorsWords() {
        assertThat(ErrorMessages.of(InvalidMemberException.missing("accessToken", "header x-amz-sso_bearer_token")))
                .isEqualTo(ONE + "Value null at 'accessToken' failed to satisfy constraint: Member must not be null "
                        + "(header x-amz-sso_bearer_token is missing)");
        assertThat(ErrorMessages.of(InvalidMemberException.missing("deviceCode")))
                .isEqualTo(ONE + "Value null at 'deviceCode' failed to satisfy constraint: Member must not be null");
        assertThat(ErrorMessages.of(InvalidMemberException.tooLong("roleName", 2048)))
                .isEqualTo(ONE + "Value at 'roleName' failed to satisfy constraint: Member must have length less than "
                        + "or equal to 2048");
        assertThat(ErrorMessages.of(InvalidMemberException.outOfRange("maxResults", 0, 1, 100)))
                .isEqualTo(ONE + "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value "
                        + "between 1 and 100");
        assertThat(ErrorMessages.of(InvalidMemberException.wrongType("maxResults", "an integer", "x\u0000y")))
                .isEqualTo(ONE + "Value 'x?y' at 'maxResults' failed to satisfy constraint: Member must be an integer");
        assertThat(ErrorMessages.of(InvalidMemberException.notPrintable("clientId")))
                .isEqualTo(ONE + "Value at 'clientId' failed to satisfy constraint: Member must not contain control "
                        + "characters");
        assertThat(ErrorMessages.of(InvalidMemberException.unsatisfied("name",
                "satisfy regular expression pattern: [\\w+=,.@-]+", "two words")))
                .isEqualTo(ONE + "Value 'two words' at 'name' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: [\\w+=,.@-]+");
        assertThat(ErrorMessages.of(GatehouseException.forbidden())).isEqualTo("No access");
    }
}
