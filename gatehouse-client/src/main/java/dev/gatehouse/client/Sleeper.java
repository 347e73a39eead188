package dev.gatehouse.client;

import java.time.Duration;

/** Waits between attempts; a test passes one that records the waits instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper THREAD = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
