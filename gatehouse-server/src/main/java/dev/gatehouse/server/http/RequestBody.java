package dev.gatehouse.server.http;

import dev.gatehouse.domain.error.GatehouseException;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xnio.channels.StreamSourceChannel;

/**
 * Reads a request body on the operation's virtual thread (never on the I/O thread), for API
 * operations and page forms alike. The exchange stays non-blocking, so the response can still be
 * written on the I/O thread: when no bytes are ready, the virtual thread parks until the I/O
 * thread's read listener finds the channel readable. (Not XNIO's {@code awaitReadable}, which on a
 * virtual thread pins its carrier in {@code Selector.select} and opens a selector per thread.)
 *
 * <p>A body over the limit ends in {@link TooLargeException}; up to {@code drainBytes} more of it
 * are read and dropped first, so that a client still sending gets to read the 413.
 */
public final class RequestBody {
    /** How much of an oversized API body is read and dropped so that the 413 reaches the client. */
    static final long DRAIN_BYTES = 1024 * 1024;
    /** How long a body may take when no deadline was set ({@link UnreadBodies} sets one on every request). */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final AttachmentKey<Long> LIMIT = AttachmentKey.create(Long.class);
    private static final AttachmentKey<Long> DEADLINE = AttachmentKey.create(Long.class);

    private RequestBody() {
    }

    /** The body grew past the limit; the connection is not reused. */
    public static final class TooLargeException extends RuntimeException {
        private final long limit;

        TooLargeException(long limit) {
            super("The request body is larger than the limit of " + limit + " bytes", null, false, false);
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** The client stopped sending before the body was complete. */
    public static final class TimeoutException extends RuntimeException {
        TimeoutException() {
            super("The request body was not sent in time", null, false, false);
        }
    }

    /** The body must have arrived whole by {@code nanoTime} ({@link System#nanoTime()}). */
    static void deadline(HttpServerExchange exchange, long nanoTime) {
        exchange.putAttachment(DEADLINE, nanoTime);
    }

    /** Sets the limit for this exchange; before the operation runs. */
    static void limit(HttpServerExchange exchange, long maxBodyBytes) {
        exchange.putAttachment(LIMIT, maxBodyBytes);
        exchange.setMaxEntitySize(maxBodyBytes + DRAIN_BYTES);
    }

    /** The body of an API request, within the limit {@link ApiDispatcher} set. */
    public static byte[] read(HttpServerExchange exchange) {
        Long limit = exchange.getAttachment(LIMIT);
        if (limit == null) {
            throw new IllegalStateException("RequestBody.read outside ApiDispatcher");
        }
        try {
            return read(exchange, limit, DRAIN_BYTES);
        } catch (TimeoutException e) {
            throw GatehouseException.invalidRequest(e.getMessage());
        } catch (IOException e) {
            throw GatehouseException.invalidRequest("The request body could not be read completely");
        }
    }

    /**
     * The whole body, at most {@code limit} bytes.
     *
     * @throws TooLargeException over the limit (after dropping up to {@code drainBytes} more)
     * @throws TimeoutException when the body has not arrived whole by the deadline (the connection is then not reused)
     * @throws IOException when the body cannot be read (the connection is then not reused)
     */
    public static byte[] read(HttpServerExchange exchange, long limit, long drainBytes) throws IOException {
        if (exchange.isInIoThread()) {
            throw new IllegalStateException("RequestBody.read blocks: call it from the operation's virtual thread");
        }
        if (exchange.isRequestComplete()) {
            return new byte[0];
        }
        StreamSourceChannel channel = exchange.getRequestChannel();
        if (channel == null) {
            throw new IllegalStateException("The request body was already read");
        }
        Long deadline = exchange.getAttachment(DEADLINE);
        long until = deadline != null ? deadline : System.nanoTime() + READ_TIMEOUT.toNanos();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        long dropped = 0;
        try {
            while (true) {
                buffer.clear();
                int read = channel.read(buffer);
                if (read == -1) {
                    if (dropped > 0) {
                        throw tooLarge(exchange, limit);
                    }
                    return body.toByteArray();
                }
                if (read == 0) {
                    awaitReadable(channel, until);
                } else if (dropped > 0 || body.size() + read > limit) {
                    dropped += read;
                    if (dropped > drainBytes) {
                        throw tooLarge(exchange, limit);
                    }
                } else {
                    body.write(buffer.array(), 0, read);
                }
            }
        } catch (RequestTooBigException e) {
            throw tooLarge(exchange, limit);
        } catch (TimeoutException | IOException e) {
            exchange.setPersistent(false);
            throw e;
        } finally {
            channel.getReadSetter().set(null);
        }
    }

    /** Parks the calling (virtual) thread until the I/O thread finds the channel readable, at most until {@code until}. */
    private static void awaitReadable(StreamSourceChannel channel, long until) {
        CompletableFuture<Void> readable = new CompletableFuture<>();
        channel.getReadSetter().set(ready -> {
            ready.suspendReads();
            readable.complete(null);
        });
        channel.resumeReads();
        try {
            readable.get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            channel.suspendReads();
            throw new TimeoutException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            channel.suspendReads();
            throw new TimeoutException();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static TooLargeException tooLarge(HttpServerExchange exchange, long limit) {
        exchange.setPersistent(false);
        return new TooLargeException(limit);
    }
}
