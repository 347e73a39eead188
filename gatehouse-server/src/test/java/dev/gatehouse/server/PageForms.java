package dev.gatehouse.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the tests that post the pages' forms take from a rendered page. */
public final class PageForms {
    private static final Pattern CSRF_FIELD = Pattern.compile("<input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\">");

    private PageForms() {
    }

    /** The csrf field of the page's form; fails the test when the page has none. */
    public static String csrfOf(HttpResponse<String> page) {
        Matcher m = CSRF_FIELD.matcher(page.body());
        assertThat(m.find()).as("a csrf field in %s", page.body()).isTrue();
        return m.group(1);
    }
}
