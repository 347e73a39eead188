package dev.gatehouse.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Opens a URL in the person's browser. Tests pass one that drives the pages over HTTP instead. */
@FunctionalInterface
public interface BrowserOpener {
    /** Opens {@code url}; false when no browser could be started (the caller then prints the URL). */
    boolean open(URI url);

    /** The desktop's way of opening a URL: {@code open} on macOS, {@code rundll32} on Windows, else {@code xdg-open}. */
    static BrowserOpener system() {
        return url -> {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            List<String> command = os.contains("mac") ? List.of("open", url.toString())
                    : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", url.toString())
                    : List.of("xdg-open", url.toString());
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                // xdg-open returns at once when it found a browser; a quick non-zero exit means it did not
                if (process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    return process.exitValue() == 0;
                }
                return true;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }
}
