package dev.gatehouse.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InputRulesTest {
    @Test
    void printableTextIsAnyUnicodeWithoutControlCharactersOrBrokenSurrogatePairs() {
        assertThat(InputRules.isPrintable(null)).isTrue();
        assertThat(InputRules.isPrintable("")).isTrue();
        assertThat(InputRules.isPrintable("sso:account:access été 名前 \uD83D\uDE00")).isTrue();
        for (String bad : new String[] {"a\u0000b", "tab\t", "line\n", "del\u007F", "c1\u0085", "\uD800", "x\uDC00",
            "\uD83Dx"}) {
            assertThat(InputRules.isPrintable(bad)).as(bad).isFalse();
        }
    }

    @Test
    void theRulesNameTheMember() {
        assertThat(InputRules.bounded("clientName", "ok", 2)).isEqualTo("ok");
        assertThatThrownBy(() -> InputRules.bounded("clientName", "a\u0000", 10))
                .isInstanceOfSatisfying(InvalidMemberException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.member()).isEqualTo("clientName");
                    assertThat(e.rule()).isEqualTo(new InvalidMemberException.Printable());
                    assertThat(e.getMessage()).isEqualTo("clientName must not contain control characters");
                });
        assertThatThrownBy(() -> InputRules.bounded("clientName", "abc", 2))
                .isInstanceOfSatisfying(InvalidMemberException.class,
                        e -> assertThat(e.rule()).isEqualTo(new InvalidMemberException.MaxLength(2)));
    }
}
