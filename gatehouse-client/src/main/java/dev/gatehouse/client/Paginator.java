package dev.gatehouse.client;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a list operation across all its pages: iterating fetches the first page, then
 * follows {@code nextToken} until the service sends none (or an empty one), and stops if a token
 * comes back that was already used (a service bug that would otherwise loop for ever). Pages are
 * fetched lazily, one call per page, as the iteration reaches them; each new iteration starts again
 * from the first page. Errors of a call surface from {@code next()} / {@code hasNext()} as the
 * service exceptions they are.
 *
 * @param <P> the page (the operation's output)
 * @param <T> the item
 */
public final class Paginator<P, T> implements Iterable<T> {
    private final String firstToken;
    private final Function<String, P> fetch;
    private final Function<P, String> nextToken;
    private final Function<P, List<T>> items;

    private Paginator(String firstToken, Function<String, P> fetch, Function<P, String> nextToken,
                      Function<P, List<T>> items) {
        this.firstToken = firstToken;
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.nextToken = Objects.requireNonNull(nextToken, "nextToken");
        this.items = Objects.requireNonNull(items, "items");
    }

    /**
     * @param firstToken the token of the first page (usually null: from the start)
     * @param fetch      one call: the page after the given token (null for the first)
     * @param nextToken  the page's next token, null on the last page
     * @param items      the page's items
     */
    public static <P, T> Paginator<P, T> of(String firstToken, Function<String, P> fetch,
                                            Function<P, String> nextToken, Function<P, List<T>> items) {
        return new Paginator<>(firstToken, fetch, nextToken, items);
    }

    /** The pages themselves, for callers that want each page's token or size. */
    public Iterable<P> pages() {
        return PageIterator::new;
    }

    public Stream<P> pageStream() {
        return StreamSupport.stream(pages().spliterator(), false);
    }

    /** All items of all pages, in order. */
    @Override
    public Iterator<T> iterator() {
        return new ItemIterator();
    }

    /** All items of all pages, in order, as a sequential stream. */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    private final class PageIterator implements Iterator<P> {
        private final Set<String> used = new HashSet<>();
        private String token = firstToken;
        private boolean done;

        PageIterator() {
            if (token != null) {
                used.add(token);
            }
        }

        @Override
        public boolean hasNext() {
            return !done;
        }

        @Override
        public P next() {
            if (done) {
                throw new NoSuchElementException();
            }
            P page = fetch.apply(token);
            String next = nextToken.apply(page);
            if (next == null || next.isEmpty() || !used.add(next)) {
                done = true;
            } else {
                token = next;
            }
            return page;
        }
    }

    private final class ItemIterator implements Iterator<T> {
        private final PageIterator pages = new PageIterator();
        private Iterator<T> current = List.<T>of().iterator();

        @Override
        public boolean hasNext() {
            while (!current.hasNext() && pages.hasNext()) {
                current = items.apply(pages.next()).iterator();
            }
            return current.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
