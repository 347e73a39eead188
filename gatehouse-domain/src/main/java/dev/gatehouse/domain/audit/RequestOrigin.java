package dev.gatehouse.domain.audit;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the request being served came from: its request id, the client's address (behind trusted
 * proxies, the forwarded one) and its User-Agent. The server binds it for the thread that serves the
 * request (each request has a virtual thread of its own); the domain reads it for the audit trail and
 * the session and token records, so that no use case has to pass it along.
 */
public record RequestOrigin(Optional<String> requestId, Optional<String> sourceAddress, Optional<String> userAgent) {
    public static final RequestOrigin NONE = new RequestOrigin(Optional.empty(), Optional.empty(), Optional.empty());
    private static final int MAX_USER_AGENT = 256;
    private static final ThreadLocal<RequestOrigin> CURRENT = ThreadLocal.withInitial(() -> NONE);

    /** The User-Agent is cut to {@value #MAX_USER_AGENT} characters, any control character in it shown as '?'. */
    public RequestOrigin {
        userAgent = userAgent.map(ua -> ua.length() > MAX_USER_AGENT ? ua.substring(0, MAX_USER_AGENT) : ua)
                .map(ua -> ua.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    public static RequestOrigin current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with this origin as the current one, then puts back the one before. */
    public <T> T bind(Supplier<T> work) {
        RequestOrigin before = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            CURRENT.set(before);
        }
    }
}
