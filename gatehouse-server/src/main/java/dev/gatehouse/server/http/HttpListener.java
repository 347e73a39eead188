package dev.gatehouse.server.http;

import io.micrometer.core.instrument.Counter;
import io.undertow.connector.ByteBufferPool;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The HTTP/1.1 listener, wired from XNIO and Undertow's {@link HttpOpenListener} as Undertow's own
 * builder does, but with {@link ClientConnections} at the door: the builder has no place for a
 * per-connection hook. It can stop accepting while the connections it has keep being served.
 */
public final class HttpListener implements AutoCloseable {
    private final XnioWorker worker;
    private final AcceptingChannel<StreamConnection> acceptor;
    private final ByteBufferPool buffers;
    private final AtomicBoolean accepting = new AtomicBoolean(true);
    private final AtomicBoolean open = new AtomicBoolean(true);

    private HttpListener(XnioWorker worker, AcceptingChannel<StreamConnection> acceptor, ByteBufferPool buffers) {
        this.worker = worker;
        this.acceptor = acceptor;
        this.buffers = buffers;
    }

    /**
     * Listens on {@code host:port} (0 = any free port).
     *
     * @param serverOptions Undertow's options ({@code UndertowOptions}) for parsing and timeouts
     * @param maxConnectionsPerAddress 0 = no bound
     * @param refused counts connections closed at once for being past that bound
     */
    public static HttpListener start(String host, int port, HttpHandler root, OptionMap serverOptions, int ioThreads,
                                     int backlog, int maxConnectionsPerAddress, ClientAddresses addresses,
                                     Counter refused) {
        XnioWorker worker = null;
        try {
            worker = Xnio.getInstance(HttpOpenListener.class.getClassLoader()).createWorker(OptionMap.builder()
                    .set(Options.WORKER_IO_THREADS, ioThreads)
                    .set(Options.WORKER_TASK_CORE_THREADS, 4)
                    .set(Options.WORKER_TASK_MAX_THREADS, 4)
                    .set(Options.TCP_NODELAY, true)
                    .set(Options.CORK, true)
                    .getMap());
            ByteBufferPool buffers = new DefaultByteBufferPool(true, 16 * 1024, -1, 4);
            HttpOpenListener http = new HttpOpenListener(buffers, serverOptions);
            http.setRootHandler(root);
            ClientConnections door = new ClientConnections(http, maxConnectionsPerAddress, addresses, refused);
            AcceptingChannel<StreamConnection> acceptor = worker.createStreamConnectionServer(
                    new InetSocketAddress(InetAddress.getByName(host), port), ChannelListeners.openListenerAdapter(door),
                    OptionMap.builder()
                            .set(Options.WORKER_IO_THREADS, ioThreads)
                            .set(Options.TCP_NODELAY, true)
                            .set(Options.REUSE_ADDRESSES, true)
                            .set(Options.BALANCING_TOKENS, 1)
                            .set(Options.BALANCING_CONNECTIONS, 2)
                            .set(Options.BACKLOG, backlog)
                            .getMap());
            acceptor.resumeAccepts();
            return new HttpListener(worker, acceptor, buffers);
        } catch (IOException e) {
            if (worker != null) {
                worker.shutdownNow();
            }
            throw new UncheckedIOException(e);
        }
    }

    public InetSocketAddress address() {
        return acceptor.getLocalAddress(InetSocketAddress.class);
    }

    /** Closes the listening socket: new connections are refused, open ones are still served. */
    public void stopAccepting() {
        if (accepting.compareAndSet(true, false)) {
            IoUtils.safeClose(acceptor);
        }
    }

    /** Stops accepting and closes every connection; once (a second call would wait on stopped I/O threads). */
    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        stopAccepting();
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        buffers.close();
    }
}
