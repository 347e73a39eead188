package dev.gatehouse.cli.sso;

import dev.gatehouse.cli.BrowserOpener;
import java.io.PrintWriter;
import java.net.URI;

/** How a login talks to the person: messages on stderr, and the browser unless {@code --no-browser}. */
public record Prompt(PrintWriter err, BrowserOpener browser, boolean noBrowser) {

    /** Opens the URL in the browser, or prints it when there is none (or when told not to). */
    void sendTo(URI url, String what) {
        if (noBrowser) {
            err.println(what + ", open this URL in a browser:");
            err.println();
            err.println("    " + url);
            err.println();
            err.flush();
            return;
        }
        err.println("Attempting to open your default browser.");
        err.println("If the browser does not open, open the following URL:");
        err.println();
        err.println("    " + url);
        err.println();
        err.flush();
        if (!browser.open(url)) {
            err.println("(No browser could be opened: open the URL above yourself.)");
            err.flush();
        }
    }

    void say(String line) {
        err.println(line);
        err.flush();
    }
}
