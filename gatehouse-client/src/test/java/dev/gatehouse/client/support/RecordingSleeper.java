package dev.gatehouse.client.support;

import dev.gatehouse.client.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sleeper that does not sleep: it records the waits asked of it. */
public final class RecordingSleeper implements Sleeper {
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
    }

    public List<Duration> sleeps() {
        synchronized (sleeps) {
            return List.copyOf(sleeps);
        }
    }

    public void clear() {
        sleeps.clear();
    }
}
