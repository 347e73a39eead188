package dev.gatehouse.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What a piece of code logged: slf4j-simple writes to whatever {@code System.err} is when it logs,
 * so the tests that check the {@code dev.gatehouse.audit} lines swap it for the duration.
 */
public final class StderrCapture {
    private StderrCapture() {
    }

    public static String during(Runnable run) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(stderr);
        }
        return log.toString(StandardCharsets.UTF_8);
    }
}
