package dev.gatehouse.store.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.domain.store.StoreUnavailableException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * A group that cannot be written is never acknowledged, and it does not stop the committer: its
 * callers get the store's retryable failure, and the next group is written. (The timeout, on a
 * thread of its own since a waiting caller cannot be interrupted, only turns the hang this is about
 * into a failure.)
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GroupCommitterFailureTest {
    private static final byte[] KEY = "key".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;
    private Options options;
    private RocksDB db;
    private GroupCommitter committer;

    @BeforeEach
    void open() throws RocksDBException {
        RocksDB.loadLibrary();
        options = new Options().setCreateIfMissing(true);
        db = RocksDB.open(options, dir.toString());
        committer = new GroupCommitter(db);
    }

    @AfterEach
    void close() {
        committer.close();
        db.close();
        options.close();
    }

    @Test
    void anErrorWhileWritingFailsItsGroupAndTheNextGroupIsStillWritten() throws RocksDBException {
        assertThatThrownBy(() -> committer.commit(batch -> {
            throw new OutOfMemoryError("simulated");
        })).isInstanceOf(StoreUnavailableException.class).hasMessageContaining("simulated");

        committer.commit(batch -> {
            try {
                batch.put(KEY, KEY);
            } catch (RocksDBException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(db.get(KEY)).isEqualTo(KEY);
        assertThat(committer.stats()).containsExactly(1, 1);
    }
}
