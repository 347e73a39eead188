package dev.gatehouse.domain.token;

/** The kinds of bearer secret Gatehouse hands out; the prefix tells them apart at a glance. */
public enum TokenKind {
    ACCESS("ghat_"),
    REFRESH("ghrt_"),
    /** The browser's session cookie: the sign-in session as the web pages see it. */
    BROWSER("ghbs_"),
    DEVICE_CODE("ghdc_"),
    AUTHORIZATION_CODE("ghac_"),
    CLIENT_SECRET("ghcs_"),
    /** The secret of an invitation link, with which a user sets their password. */
    INVITATION("ghiv_");

    private final String prefix;

    TokenKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
