package dev.gatehouse.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads the service's {@code GET /metrics} in tests. */
public final class Scrapes {
    private Scrapes() {
    }

    public static HttpResponse<String> scrape(URI base) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(base.resolve("/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The value of one series, named with its labels exactly as rendered. */
    public static double value(String metrics, String series) {
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).split(" ")[0]))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no series " + series + " in:\n" + metrics));
    }
}
