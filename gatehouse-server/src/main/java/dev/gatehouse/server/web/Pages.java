package dev.gatehouse.server.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.gatehouse.server.wire.WireResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the server-side pages: a named template from {@code web/templates/} inside the shared
 * layout (header, main, footer). Every template is read and compiled once, here; rendering only
 * fills them in. Values are HTML-escaped (JMustache's default); the templates use no scripts and no
 * inline styles, so the strict {@link SecurityHeaders#CONTENT_SECURITY_POLICY} holds.
 *
 * <p>Templates and the model keys they read (a key in [brackets] is optional; every form also
 * takes [{@code action}], its URL, else the form posts back to the page's own URL):
 * <ul>
 *   <li>{@code sign-in}: {@code csrf}; [{@code username}] to prefill; [{@code otp}] true to ask for
 *       the one-time code; [{@code error}]; [{@code client}] the application being signed in to;
 *       [{@code hidden}] fields to pass through.</li>
 *   <li>{@code device-code}: {@code csrf}; [{@code userCode}] to prefill; [{@code error}];
 *       [{@code hidden}].</li>
 *   <li>{@code consent}: {@code csrf}; {@code clientName}; [{@code scopes}] a list of strings;
 *       [{@code userCode}] (device flow: the code to compare); [{@code signedInAs}]; [{@code error}];
 *       [{@code hidden}]. Posts {@code action=approve} or {@code action=deny}.</li>
 *   <li>{@code portal}: {@code csrf}; {@code displayName}; {@code credentialsAction} and
 *       {@code signOutAction} (form URLs); {@code sessionsHref} (the sessions page); {@code accounts}, a list of maps with {@code accountId},
 *       {@code accountName}, [{@code emailAddress}] and {@code roles} (a list of role names); each
 *       role's form posts {@code csrf}, {@code account_id}, {@code role_name}; [{@code credentials}],
 *       a map with {@code accountId}, {@code accountName}, {@code roleName}, {@code accessKeyId},
 *       {@code secretAccessKey}, {@code sessionToken}, {@code expiration} (text to show) and
 *       [{@code expirationIso}] (ISO-8601 instant).</li>
 *   <li>{@code sessions}: {@code csrf}; {@code displayName}; {@code portalHref}; {@code endAction} (the
 *       form URL; each session's form posts {@code csrf}, {@code session_id} and {@code action=end});
 *       [{@code notice}]; [{@code error}]; {@code sessions}, a list of maps with {@code id},
 *       {@code current} (true for this browser's), {@code how}, [{@code client}], [{@code address}],
 *       [{@code browser}], {@code started}, [{@code lastUsed}], {@code expires} (texts to show, each
 *       with its ISO-8601 {@code …Iso}), [{@code roleSessions}] and {@code clients}, a list of maps with
 *       {@code clientId}, {@code clientName} and {@code tokens} (maps with {@code kind},
 *       {@code kindLabel}, {@code issued}, {@code expires}, [{@code address}]).</li>
 *   <li>{@code invitation}: {@code csrf}; {@code userName}; {@code expires} (text to show);
 *       {@code secretGroups} and {@code uri}, the authenticator app's key (in groups of four) and its
 *       {@code otpauth:} link; [{@code authenticatorOpen}] true to show that part unfolded; [{@code error}];
 *       [{@code hidden}]. Posts {@code password}, {@code passwordRepeat} and [{@code otp}].</li>
 *   <li>{@code message}: {@code title}; {@code text}; [{@code kind}] {@code info}, {@code success}
 *       or {@code error}; [{@code link}] a map with {@code href} and {@code label}.</li>
 * </ul>
 * Every template also takes [{@code title}], the document title (each has a default).
 * {@code hidden} is a {@code Map<String, String>} of names to values (or a list of maps with
 * {@code name} and {@code value}); the {@code csrf} value goes in a hidden field named
 * {@value Csrf#FIELD}.
 */
public final class Pages {
    public static final String SIGN_IN = "sign-in";
    public static final String DEVICE_CODE = "device-code";
    public static final String CONSENT = "consent";
    public static final String PORTAL = "portal";
    public static final String MESSAGE = "message";
    public static final String INVITATION = "invitation";
    public static final String SESSIONS = "sessions";

    private static final String LAYOUT = "layout";
    private static final List<String> PARTIALS = List.of("_form-fields", "_alert");
    private static final Map<String, String> DEFAULT_TITLES = Map.of(
            SIGN_IN, "Sign in",
            DEVICE_CODE, "Authorize a device",
            CONSENT, "Allow access",
            PORTAL, "AWS access portal",
            MESSAGE, "Gatehouse",
            INVITATION, "Set your password",
            SESSIONS, "Your sessions");
    private static final Set<String> WIDE = Set.of(PORTAL, SESSIONS);

    private final Map<String, Template> templates;
    private final String stylesheet;
    private final String icon;

    public Pages(StaticFiles staticFiles) {
        this.stylesheet = staticFiles.url(StaticFiles.STYLESHEET);
        this.icon = staticFiles.url(StaticFiles.ICON);
        Map<String, String> sources = new HashMap<>();
        for (String name : PARTIALS) {
            sources.put(name, read(name));
        }
        Mustache.Compiler compiler = Mustache.compiler()
                .escapeHTML(true)
                .emptyStringIsFalse(true) // {{#error}} is skipped for "" as for a missing key
                .nullValue("") // a key present with null renders empty; a missing key still fails
                .withLoader(name -> {
                    String source = sources.get(name);
                    if (source == null) {
                        throw new IllegalArgumentException("No partial template " + name);
                    }
                    return new StringReader(source);
                });
        Map<String, Template> compiled = new HashMap<>();
        for (String name : List.of(LAYOUT, SIGN_IN, DEVICE_CODE, CONSENT, PORTAL, MESSAGE, INVITATION,
                SESSIONS)) {
            compiled.put(name, compiler.compile(read(name)));
        }
        this.templates = Map.copyOf(compiled);
    }

    /** The page {@code template} filled with {@code model}, as a 200. */
    public WireResponse render(String template, Map<String, ?> model) {
        return render(200, template, model);
    }

    /** The page {@code template} filled with {@code model}, with the given status. */
    public WireResponse render(int status, String template, Map<String, ?> model) {
        return HtmlResponse.of(status, html(template, model));
    }

    /** The same, ready to write with the security headers. */
    public PageResponse page(int status, String template, Map<String, ?> model) {
        return PageResponse.page(render(status, template, model));
    }

    /** A {@code message} page; {@code kind} is {@code info}, {@code success} or {@code error}. */
    public PageResponse message(int status, String kind, String title, String text) {
        return page(status, MESSAGE, Map.of("kind", kind, "title", title, "text", text));
    }

    /** The answer while the store cannot serve (what failed is logged, never shown). */
    public PageResponse unavailable() {
        return message(503, "error", "Temporarily unavailable",
                "The service cannot reach its store right now. Try again in a moment.");
    }

    /** The answer to a failure that is ours (what failed is logged, never shown). */
    public PageResponse internalError() {
        return message(500, "error", "Something went wrong",
                "The service could not complete this request. Try again in a moment.");
    }

    /** The answer to a POST whose CSRF token does not match its cookie. */
    public PageResponse formExpired() {
        return message(403, "error", "Form expired", "Form expired, reload the page and try again.");
    }

    /** The complete HTML document. */
    public String html(String template, Map<String, ?> model) {
        Template body = templates.get(template);
        if (body == null || template.equals(LAYOUT)) {
            throw new IllegalArgumentException("No page template " + template);
        }
        Map<String, Object> context = new HashMap<>(model);
        if (context.get("hidden") instanceof Map<?, ?> hidden) {
            List<Map<String, String>> fields = new ArrayList<>();
            hidden.forEach((name, value) -> fields.add(Map.of("name", String.valueOf(name), "value", String.valueOf(value))));
            context.put("hidden", fields);
        }
        Object title = model.get("title");
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("title", title == null ? DEFAULT_TITLES.get(template) : title.toString());
        layout.put("template", template);
        layout.put("wide", WIDE.contains(template));
        layout.put("stylesheet", stylesheet);
        layout.put("icon", icon);
        layout.put("body", body.execute(context));
        return templates.get(LAYOUT).execute(layout);
    }

    private static String read(String name) {
        String resource = "web/templates/" + name + ".mustache";
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing class path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
