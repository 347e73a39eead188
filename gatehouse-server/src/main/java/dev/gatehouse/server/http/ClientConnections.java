package dev.gatehouse.server.http;

import io.micrometer.core.instrument.Counter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.ChannelListener;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.StreamConnection;

/**
 * Where a connection enters: past {@code maxPerAddress} open connections from one client address, a
 * new one is closed at once; every admitted connection reads through {@link FramingConduit}. A trusted
 * proxy's connections are not counted (all of its clients share its address; it bounds them itself).
 */
final class ClientConnections implements ChannelListener<StreamConnection> {
    private final ChannelListener<StreamConnection> http;
    private final int maxPerAddress;
    private final ClientAddresses addresses;
    private final Counter refused;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    /** {@code maxPerAddress} 0 = no bound; {@code refused} counts the connections closed at once. */
    ClientConnections(ChannelListener<StreamConnection> http, int maxPerAddress, ClientAddresses addresses,
                      Counter refused) {
        this.http = http;
        this.maxPerAddress = maxPerAddress;
        this.addresses = addresses;
        this.refused = refused;
    }

    @Override
    public void handleEvent(StreamConnection connection) {
        InetAddress peer = connection.getPeerAddress(InetSocketAddress.class).getAddress();
        boolean counted = maxPerAddress > 0 && !addresses.isTrustedProxy(peer);
        if (counted && !admit(peer)) {
            refused.increment();
            IoUtils.safeClose(connection);
            return;
        }
        connection.getSourceChannel().setConduit(new FramingConduit(connection.getSourceChannel().getConduit(), connection));
        http.handleEvent(connection);
        if (counted) {
            releaseOnClose(connection, peer);
        }
    }

    /** Open connections from this address (for tests and diagnostics). */
    int openFrom(InetAddress address) {
        return open.getOrDefault(address, 0);
    }

    private boolean admit(InetAddress peer) {
        boolean[] admitted = {false};
        open.compute(peer, (address, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerAddress) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        return admitted[0];
    }

    /**
     * Undertow sets the connection's close listener while it opens it, so ours wraps the one it set;
     * a connection that closed meanwhile (a bad first request) is released at once. Released once only.
     */
    private void releaseOnClose(StreamConnection connection, InetAddress peer) {
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                open.computeIfPresent(peer, (address, count) -> count <= 1 ? null : count - 1);
            }
        };
        ChannelListener<? super StreamConnection> undertows = connection.getCloseListener();
        connection.setCloseListener(closed -> {
            release.run();
            ChannelListeners.invokeChannelListener(closed, undertows);
        });
        if (!connection.isOpen()) {
            release.run();
        }
    }
}
