package dev.gatehouse.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsrfTest {
    private static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    /** Bound, as in the service, to the session cookie the request presents. */
    private final Csrf csrf = new Csrf(KEY, exchange -> Cookies.get(exchange, "gh_session"));

    private static HttpServerExchange request(String cookieHeader) {
        HttpServerExchange exchange = new HttpServerExchange(null);
        exchange.setRequestScheme("http");
        if (cookieHeader != null) {
            exchange.getRequestHeaders().put(Headers.COOKIE, cookieHeader);
        }
        return exchange;
    }

    private static List<String> setCookies(HttpServerExchange exchange) {
        var values = exchange.getResponseHeaders().get(Headers.SET_COOKIE);
        return values == null ? List.of() : List.copyOf(values);
    }

    /** A first page GET: the cookie it sets, and the token for the form. */
    private record Issued(String cookie, String token) {
    }

    private Issued issue() {
        HttpServerExchange get = request(null);
        String token = csrf.ensureCookie(get);
        String setCookie = setCookies(get).getFirst();
        return new Issued(setCookie.substring("gh_csrf=".length(), setCookie.indexOf(';')), token);
    }

    @Test
    void firstVisitSetsAStrictHttpOnlySessionCookie() {
        HttpServerExchange get = request(null);
        String token = csrf.ensureCookie(get);
        List<String> cookies = setCookies(get);
        assertThat(cookies).hasSize(1);
        assertThat(cookies.getFirst()).matches("gh_csrf=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(cookies.getFirst()).doesNotContain(token);
    }

    @Test
    void cookieIsSecureOverTls() {
        HttpServerExchange direct = request(null);
        direct.setRequestScheme("https");
        csrf.ensureCookie(direct);
        assertThat(setCookies(direct).getFirst()).endsWith("; Secure");

        HttpServerExchange proxied = request(null);
        proxied.getRequestHeaders().put(HttpString.tryFromString("X-Forwarded-Proto"), "https");
        csrf.ensureCookie(proxied);
        assertThat(setCookies(proxied).getFirst()).endsWith("; Secure");
    }

    @Test
    void anExistingCookieIsKeptAndGivesTheSameToken() {
        Issued issued = issue();
        HttpServerExchange again = request("other=1; gh_csrf=" + issued.cookie() + "; more=2");
        assertThat(csrf.ensureCookie(again)).isEqualTo(issued.token());
        assertThat(setCookies(again)).isEmpty();
    }

    @Test
    void aMalformedCookieIsReplaced() {
        HttpServerExchange get = request("gh_csrf=short");
        csrf.ensureCookie(get);
        assertThat(setCookies(get)).hasSize(1);
        assertThat(setCookies(get).getFirst()).doesNotContain("short");
    }

    @Test
    void tokenVerifiesForItsCookie() {
        Issued issued = issue();
        assertThat(csrf.verify(request("gh_csrf=" + issued.cookie()), issued.token())).isTrue();
    }

    @Test
    void tokenFailsForAnotherCookie() {
        Issued mine = issue();
        Issued theirs = issue();
        assertThat(mine.cookie()).isNotEqualTo(theirs.cookie());
        assertThat(csrf.verify(request("gh_csrf=" + theirs.cookie()), mine.token())).isFalse();
    }

    @Test
    void aTamperedTokenFails() {
        Issued issued = issue();
        char[] chars = issued.token().toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        HttpServerExchange post = request("gh_csrf=" + issued.cookie());
        assertThat(csrf.verify(post, new String(chars))).isFalse();
        assertThat(csrf.verify(post, issued.token() + "x")).isFalse();
        assertThat(csrf.verify(post, issued.token().substring(1))).isFalse();
        assertThat(csrf.verify(post, issued.cookie())).isFalse(); // the cookie itself is not the token
    }

    @Test
    void aMissingCookieOrTokenFails() {
        Issued issued = issue();
        assertThat(csrf.verify(request(null), issued.token())).isFalse();
        assertThat(csrf.verify(request("other=" + issued.cookie()), issued.token())).isFalse();
        assertThat(csrf.verify(request("gh_csrf=" + issued.cookie()), null)).isFalse();
        assertThat(csrf.verify(request("gh_csrf=" + issued.cookie()), "")).isFalse();
    }

    @Test
    void anotherKeyDoesNotVerify() {
        Issued issued = issue();
        Csrf other = new Csrf(new byte[32], exchange -> null);
        assertThat(other.verify(request("gh_csrf=" + issued.cookie()), issued.token())).isFalse();
        assertThatThrownBy(() -> new Csrf(new byte[8], exchange -> null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenIsBoundToTheSessionCookieItWasMadeWith() {
        Issued anonymous = issue();
        // the same csrf cookie beside someone's session cookie: the anonymous token no longer passes
        assertThat(csrf.verify(request("gh_csrf=" + anonymous.cookie() + "; gh_session=victim"), anonymous.token()))
                .isFalse();
        String signedIn = csrf.ensureCookie(request("gh_csrf=" + anonymous.cookie() + "; gh_session=victim"));
        assertThat(signedIn).isNotEqualTo(anonymous.token());
        assertThat(csrf.verify(request("gh_csrf=" + anonymous.cookie() + "; gh_session=victim"), signedIn)).isTrue();
        assertThat(csrf.verify(request("gh_csrf=" + anonymous.cookie() + "; gh_session=other"), signedIn)).isFalse();
        assertThat(csrf.verify(request("gh_csrf=" + anonymous.cookie()), signedIn)).isFalse();
    }

    @Test
    void renewSetsAFreshCookieThatOldTokensDoNotMatch() {
        Issued issued = issue();
        HttpServerExchange signIn = request("gh_csrf=" + issued.cookie());
        String fresh = csrf.renew(signIn);
        assertThat(fresh).isNotEqualTo(issued.cookie());
        assertThat(setCookies(signIn)).containsExactly("gh_csrf=" + fresh + "; Path=/; HttpOnly; SameSite=Strict");
        assertThat(csrf.verify(request("gh_csrf=" + fresh), issued.token())).isFalse();
        assertThat(csrf.browserKey(request("gh_csrf=" + fresh))).isEqualTo(fresh);
        assertThat(csrf.browserKey(request("gh_csrf=short"))).isNull();
    }

    @Test
    void overTlsTheCookiesAreHostPrefixedAndOnlyThePrefixedOnesAreRead() {
        HttpServerExchange first = request(null);
        first.setRequestScheme("https");
        String token = csrf.ensureCookie(first);
        String setCookie = setCookies(first).getFirst();
        assertThat(setCookie).matches("__Host-gh_csrf=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict; Secure");
        String cookie = setCookie.substring("__Host-gh_csrf=".length(), setCookie.indexOf(';'));

        HttpServerExchange post = request("__Host-gh_csrf=" + cookie);
        post.setRequestScheme("https");
        assertThat(csrf.verify(post, token)).isTrue();
        // an unprefixed cookie, which any subdomain or plain-http answer could have planted, is not read over TLS
        HttpServerExchange planted = request("gh_csrf=" + cookie);
        planted.setRequestScheme("https");
        assertThat(csrf.verify(planted, token)).isFalse();
        assertThat(Cookies.nameFor(planted, "gh_session")).isEqualTo("__Host-gh_session");
        assertThat(Cookies.nameFor(request(null), "gh_session")).isEqualTo("gh_session");
    }

    @Test
    void cookieHelpersSetAndClear() {
        HttpServerExchange exchange = request("a=1; b=\"two\"");
        assertThat(Cookies.get(exchange, "a")).isEqualTo("1");
        assertThat(Cookies.get(exchange, "b")).isEqualTo("two");
        assertThat(Cookies.get(exchange, "c")).isNull();

        Cookies.set(exchange, "gh_session", "abc", Cookies.SameSite.LAX, Duration.ofHours(8));
        Cookies.clear(exchange, "old", Cookies.SameSite.STRICT);
        assertThat(setCookies(exchange)).containsExactly(
                "gh_session=abc; Path=/; Max-Age=28800; HttpOnly; SameSite=Lax",
                "old=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        assertThatThrownBy(() -> Cookies.set(exchange, "x", "a;b", Cookies.SameSite.LAX, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Cookies.set(exchange, "x y", "a", Cookies.SameSite.LAX, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
