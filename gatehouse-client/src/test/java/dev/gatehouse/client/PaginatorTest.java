package dev.gatehouse.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.client.sso.SsoClient;
import dev.gatehouse.client.sso.model.AccountInfo;
import dev.gatehouse.client.sso.model.ListAccountsInput;
import dev.gatehouse.client.sso.model.UnauthorizedException;
import dev.gatehouse.client.support.LocalServer;
import dev.gatehouse.client.support.LocalServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The paginator's stopping rules, with a fake service and with a scripted HTTP one. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PaginatorTest {
    private record Page(String next, List<String> items) {
    }

    /** A fake list operation: token → page, recording the tokens asked for. */
    private static Paginator<Page, String> paginator(Map<String, Page> pages, List<String> asked) {
        return Paginator.of(null, token -> {
            asked.add(token);
            return pages.get(token == null ? "" : token);
        }, Page::next, Page::items);
    }

    @Test
    void followsTheTokenUntilItIsAbsent() {
        List<String> asked = new ArrayList<>();
        var p = paginator(Map.of("", new Page("a", List.of("1", "2")), "a", new Page("b", List.of()),
                "b", new Page(null, List.of("3"))), asked);
        assertThat(p.stream().toList()).containsExactly("1", "2", "3");
        assertThat(asked).containsExactly(null, "a", "b");
        asked.clear();
        assertThat(p.pageStream().count()).isEqualTo(3);
    }

    @Test
    void anEmptyTokenEndsThePages() {
        List<String> asked = new ArrayList<>();
        var p = paginator(Map.of("", new Page("", List.of("1"))), asked);
        assertThat(p).containsExactly("1");
        assertThat(asked).hasSize(1);
    }

    @Test
    void aRepeatedTokenStopsInsteadOfLoopingForEver() {
        List<String> asked = new ArrayList<>();
        var p = paginator(Map.of("", new Page("a", List.of("1")), "a", new Page("b", List.of("2")),
                "b", new Page("a", List.of("3"))), asked);
        assertThat(p).containsExactly("1", "2", "3");
        assertThat(asked).containsExactly(null, "a", "b");
    }

    @Test
    void iteratorsAreLazyAndIndependent() {
        List<String> asked = new ArrayList<>();
        var p = paginator(Map.of("", new Page("a", List.of("1")), "a", new Page(null, List.of("2"))), asked);
        Iterator<String> first = p.iterator();
        assertThat(asked).isEmpty();
        assertThat(first.next()).isEqualTo("1");
        assertThat(asked).containsExactly((String) null);
        assertThat(p.stream().findFirst()).contains("1");
        assertThat(first.next()).isEqualTo("2");
        assertThat(first.hasNext()).isFalse();
        assertThatThrownBy(first::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void overHttpAServiceRepeatingItsTokenIsCalledTwiceOnly() {
        String page = "{\"nextToken\":\"same\",\"accountList\":[{\"accountId\":\"111111111111\"}]}";
        try (LocalServer server = LocalServer.start(Reply.ok(page));
             SsoClient sso = SsoClient.builder().endpointOverride(server.baseUrl()).build()) {
            List<AccountInfo> accounts = sso.listAccountsPaginator(ListAccountsInput.of("t")).stream().toList();
            assertThat(accounts).hasSize(2);
            assertThat(server.requests()).extracting(LocalServer.Recorded::rawQuery)
                    .containsExactly(null, "next_token=same");
        }
    }

    @Test
    void startsAtTheInputsTokenAndKeepsItsPageSize() {
        String last = "{\"accountList\":[{\"accountId\":\"111111111111\"}]}";
        try (LocalServer server = LocalServer.start(Reply.ok(last));
             SsoClient sso = SsoClient.builder().endpointOverride(server.baseUrl()).build()) {
            sso.listAccountsPaginator(ListAccountsInput.builder().accessToken("t").nextToken("from").maxResults(5).build())
                    .forEach(a -> { });
            assertThat(server.only().rawQuery()).isEqualTo("next_token=from&max_result=5");
        }
    }

    @Test
    void anErrorOnALaterPageSurfacesFromTheIteration() {
        try (LocalServer server = LocalServer.start(Reply.ok("{\"nextToken\":\"n\",\"accountList\":[{\"accountId\":\"1\"}]}"),
                Reply.error(401, "UnauthorizedException", "{\"message\":\"expired\"}"));
             SsoClient sso = SsoClient.builder().endpointOverride(server.baseUrl()).build()) {
            Iterator<AccountInfo> accounts = sso.listAccountsPaginator(ListAccountsInput.of("t")).iterator();
            assertThat(accounts.next().accountId()).isEqualTo("1");
            assertThatThrownBy(accounts::hasNext).isInstanceOf(UnauthorizedException.class);
        }
    }
}
