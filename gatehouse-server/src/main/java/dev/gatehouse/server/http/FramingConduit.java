package dev.gatehouse.server.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.StreamConnection;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSourceConduit;

/**
 * The bottom of a connection's read path: every byte read passes {@link RequestFraming}. Malformed
 * framing is answered at once with a bare 400 (as Undertow answers what its parser refuses) and the
 * connection closed. Found while Undertow reads a request head, the read ends as if the client had
 * closed; found inside a body, the read fails (Undertow's chunked decoding then closes the connection,
 * which is why the answer cannot wait for the operation that reads the body). No response is under
 * way at either point: a body is read before its answer starts, or after it has been sent.
 */
final class FramingConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {
    private static final Logger LOG = LoggerFactory.getLogger(FramingConduit.class);
    private static final byte[] BAD_REQUEST =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** At most this much of what follows a refused request is read and dropped, so that closing sends no reset. */
    private static final int DISCARD_BYTES = 64 * 1024;

    private final StreamConnection connection;
    private final RequestFraming framing = new RequestFraming();
    private String refused;

    FramingConduit(StreamSourceConduit next, StreamConnection connection) {
        super(next);
        this.connection = connection;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        failIfRefused();
        boolean inHead = framing.inHead();
        int start = dst.position();
        int read = next.read(dst);
        if (read > 0) {
            String problem = framing.check(dst, start, dst.position());
            if (problem != null) {
                dst.position(start);
                return refuse(problem, inHead);
            }
        }
        return read;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        failIfRefused();
        boolean inHead = framing.inHead();
        int[] starts = new int[length];
        for (int i = 0; i < length; i++) {
            starts[i] = dsts[offset + i].position();
        }
        long read = next.read(dsts, offset, length);
        if (read > 0) {
            for (int i = 0; i < length; i++) {
                ByteBuffer dst = dsts[offset + i];
                String problem = framing.check(dst, starts[i], dst.position());
                if (problem != null) {
                    for (int j = 0; j < length; j++) {
                        dsts[offset + j].position(starts[j]);
                    }
                    return refuse(problem, inHead);
                }
            }
        }
        return read;
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return Conduits.transfer(this, count, throughBuffer, target);
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(count, 8192));
        int read = read(buffer);
        if (read <= 0) {
            return read;
        }
        buffer.flip();
        return target.write(buffer, position);
    }

    private void failIfRefused() throws IOException {
        if (refused != null) {
            throw new IOException("Malformed request: " + refused);
        }
    }

    private int refuse(String problem, boolean inHead) throws IOException {
        refused = problem;
        LOG.debug("Refused a request from {}: {}", connection.getPeerAddress(), problem);
        discardWaitingBytes();
        connection.getSinkChannel().write(ByteBuffer.wrap(BAD_REQUEST));
        connection.getSinkChannel().shutdownWrites();
        connection.getSinkChannel().flush();
        if (!inHead) {
            throw new IOException("Malformed request: " + problem);
        }
        return -1;
    }

    private void discardWaitingBytes() throws IOException {
        ByteBuffer scratch = ByteBuffer.allocate(8192);
        int discarded = 0;
        int read;
        while (discarded < DISCARD_BYTES && (read = next.read(scratch)) > 0) {
            discarded += read;
            scratch.clear();
        }
    }
}
