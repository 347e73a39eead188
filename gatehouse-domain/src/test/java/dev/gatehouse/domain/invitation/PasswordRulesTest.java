package dev.gatehouse.domain.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.domain.invitation.PasswordRules.Rule;
import org.junit.jupiter.api.Test;

/** IAM Identity Center's password rules, one at a time, and their edges. */
class PasswordRulesTest {

    @Test
    void aPasswordWithEveryKindOfCharacterPasses() {
        assertThat(PasswordRules.broken("Abcdef1!")).isEmpty();
        assertThat(PasswordRules.problem("Abcdef1!")).isEmpty();
        assertThat(PasswordRules.broken("correct Horse 9 battery")).as("a space is not a letter or digit").isEmpty();
    }

    @Test
    void lengthIsEightToSixtyFourCharacters() {
        assertThat(PasswordRules.broken("Abcde1!")).containsExactly(Rule.LENGTH);
        assertThat(PasswordRules.broken("Abcdef1!")).isEmpty();
        String sixtyFour = "Aa1!" + "x".repeat(60);
        assertThat(PasswordRules.broken(sixtyFour)).isEmpty();
        assertThat(PasswordRules.broken(sixtyFour + "x")).containsExactly(Rule.LENGTH);
        // counted in characters as a person sees them: eight emoji are eight characters, not sixteen
        assertThat(PasswordRules.broken("Aa1" + "\uD83D\uDE00".repeat(4))).containsExactly(Rule.LENGTH);
        assertThat(PasswordRules.broken("Aa1" + "\uD83D\uDE00".repeat(5))).isEmpty();
        assertThat(PasswordRules.broken("Aa1" + "\uD83D\uDE00".repeat(61))).isEmpty();
        assertThat(PasswordRules.broken("Aa1" + "\uD83D\uDE00".repeat(62))).containsExactly(Rule.LENGTH);
    }

    @Test
    void eachKindOfCharacterIsNeeded() {
        assertThat(PasswordRules.broken("abcdef1!")).containsExactly(Rule.UPPER_CASE);
        assertThat(PasswordRules.broken("ABCDEF1!")).containsExactly(Rule.LOWER_CASE);
        assertThat(PasswordRules.broken("Abcdefg!")).containsExactly(Rule.DIGIT);
        assertThat(PasswordRules.broken("Abcdefg1")).containsExactly(Rule.SYMBOL);
        assertThat(PasswordRules.broken("Éléphant1!")).as("letters beyond ASCII count").isEmpty();
        assertThat(PasswordRules.broken("")).containsExactly(Rule.values());
    }

    @Test
    void theMessageNamesEveryRuleBroken() {
        assertThat(PasswordRules.problem("abcdefgh")).hasValue("The password must contain an upper-case letter, "
                + "contain a digit and contain a character that is not a letter or a digit, such as ! or #.");
        assertThat(PasswordRules.problem("ABCDEFG1")).hasValue("The password must contain a lower-case letter and "
                + "contain a character that is not a letter or a digit, such as ! or #.");
        assertThat(PasswordRules.problem("Abc1!")).hasValue("The password must be 8 to 64 characters long.");
    }
}
