package dev.gatehouse.domain.token;

/** The kinds of bearer secret Gatehouse hands out; the prefix tells them apart at a glance. */
public enum TokenKind {
    ACCESS("ghat_"),
    REFRESH("ghrt_");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
