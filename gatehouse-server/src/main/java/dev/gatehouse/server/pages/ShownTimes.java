package dev.gatehouse.server.pages;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as the pages show them: to the second, in UTC, the same on every page. */
final class ShownTimes {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ShownTimes() {
    }

    /** For people: {@code 2026-11-30 08:00:00 UTC}. */
    static String text(Instant instant) {
        return SHOWN.format(instant);
    }
}
