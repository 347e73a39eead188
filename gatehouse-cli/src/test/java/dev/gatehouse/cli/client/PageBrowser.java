package dev.gatehouse.cli.client;

import dev.gatehouse.cli.BrowserOpener;
import dev.gatehouse.server.TestDirectory;
import dev.gatehouse.server.TestService;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The browser of the tests, without a browser: for PKCE it drives the pages over java.net.http as a
 * person would (sign in with a cookie jar, press approve or deny on the consent page, follow the
 * redirect to the loopback listener); for the device flow it approves the user code through the
 * domain, as the device page does.
 */
final class PageBrowser {
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\baction=\"([^\"]+)\"");

    /** Every URL it was asked to open. */
    final List<URI> opened = new CopyOnWriteArrayList<>();

    BrowserOpener pkce(String userName, String action) {
        return url -> {
            opened.add(url);
            drive(url, userName, action);
            return true;
        };
    }

    BrowserOpener approveDeviceCode(TestService service, String userName) {
        return url -> {
            opened.add(url);
            String userCode = query(url).get("user_code");
            service.gatehouse.deviceAuthorizations().approve(userCode, service.session(userName));
            return true;
        };
    }

    static Map<String, String> query(URI url) {
        Map<String, String> params = new LinkedHashMap<>();
        if (url.getRawQuery() == null) {
            return params;
        }
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static void drive(URI start, String userName, String action) {
        try (HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build()) {
            URI at = start;
            HttpResponse<String> page = send(http, HttpRequest.newBuilder(at).GET());
            for (int step = 0; step < 12; step++) {
                if (page.statusCode() / 100 == 3) {
                    at = at.resolve(page.headers().firstValue("Location").orElseThrow());
                    page = send(http, HttpRequest.newBuilder(at).GET());
                    if (at.getPath().equals("/oauth/callback")) {
                        return; // the loopback listener answered
                    }
                    continue;
                }
                if (page.statusCode() != 200) {
                    throw new AssertionError("page " + at + " answered " + page.statusCode() + ": " + page.body());
                }
                Map<String, String> form = hiddenFields(page.body());
                if (page.body().contains("name=\"username\"")) {
                    form.put("username", userName);
                    form.put("password", TestDirectory.PASSWORD);
                } else if (page.body().contains("name=\"action\"")) {
                    form.put("action", action);
                } else {
                    throw new AssertionError("neither sign-in nor consent at " + at + ": " + page.body());
                }
                Matcher formAction = FORM_ACTION.matcher(page.body());
                URI target = formAction.find() ? at.resolve(unescape(formAction.group(1))) : at;
                page = send(http, HttpRequest.newBuilder(target)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
                at = target;
            }
            throw new AssertionError("the pages never led to the loopback listener");
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return fields;
    }

    private static String formBody(Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    /** HTML character references: named ones of the escaper, and numeric ones. */
    static String unescape(String text) {
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String replacement = switch (ref) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> new String(Character.toChars(ref.startsWith("#x")
                        ? Integer.parseInt(ref.substring(2), 16) : Integer.parseInt(ref.substring(1))));
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
