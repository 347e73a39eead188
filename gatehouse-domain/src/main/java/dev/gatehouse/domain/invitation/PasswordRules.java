package dev.gatehouse.domain.invitation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules a password set through an invitation must meet, those of IAM Identity Center: 8 to 64
 * characters, with at least one upper-case letter, one lower-case letter, one digit and one character
 * that is neither a letter nor a digit. Letters and digits are those of Unicode, so that "É" counts as
 * an upper-case letter; length is counted in characters as a person sees them (code points).
 */
public final class PasswordRules {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    /** One rule, and how a message names it. */
    public enum Rule {
        LENGTH("be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long"),
        UPPER_CASE("contain an upper-case letter"),
        LOWER_CASE("contain a lower-case letter"),
        DIGIT("contain a digit"),
        SYMBOL("contain a character that is not a letter or a digit, such as ! or #");

        private final String wording;

        Rule(String wording) {
            this.wording = wording;
        }

        public String wording() {
            return wording;
        }
    }

    private PasswordRules() {
    }

    /** The rules {@code password} breaks, in the order of {@link Rule}; empty when it meets them all. */
    public static List<Rule> broken(String password) {
        List<Rule> broken = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            broken.add(Rule.LENGTH);
        }
        if (password.codePoints().noneMatch(Character::isUpperCase)) {
            broken.add(Rule.UPPER_CASE);
        }
        if (password.codePoints().noneMatch(Character::isLowerCase)) {
            broken.add(Rule.LOWER_CASE);
        }
        if (password.codePoints().noneMatch(Character::isDigit)) {
            broken.add(Rule.DIGIT);
        }
        if (password.codePoints().allMatch(Character::isLetterOrDigit)) {
            broken.add(Rule.SYMBOL);
        }
        return broken;
    }

    /** What to tell the person when {@code password} breaks a rule: every rule it breaks, by name. */
    public static Optional<String> problem(String password) {
        List<Rule> broken = broken(password);
        if (broken.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("The password must ");
        for (int i = 0; i < broken.size(); i++) {
            if (i > 0) {
                message.append(i == broken.size() - 1 ? " and " : ", ");
            }
            message.append(broken.get(i).wording());
        }
        return Optional.of(message.append('.').toString());
    }
}
