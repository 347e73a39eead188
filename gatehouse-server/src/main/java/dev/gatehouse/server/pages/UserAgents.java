package dev.gatehouse.server.pages;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A User-Agent header made short enough to read in a list: the browser and its major version and the
 * system ("Chrome 131 on Linux"), or the AWS tool ("aws-cli 2.22"); anything else cut to its first
 * {@value #MAX_SHOWN} characters. Only for showing: a User-Agent is whatever the client says.
 */
final class UserAgents {
    static final int MAX_SHOWN = 60;

    /** Browsers in the order to test them: Edge and Opera say "Chrome" too, Chrome says "Safari". */
    private static final List<Family> BROWSERS = List.of(
            new Family("Edge", Pattern.compile("Edg(?:e|A|iOS)?/(\\d+)")),
            new Family("Opera", Pattern.compile("OPR/(\\d+)")),
            new Family("Firefox", Pattern.compile("(?:Firefox|FxiOS)/(\\d+)")),
            new Family("Chrome (headless)", Pattern.compile("HeadlessChrome/(\\d+)")),
            new Family("Chrome", Pattern.compile("(?:Chrome|CriOS)/(\\d+)")),
            new Family("Safari", Pattern.compile("Version/(\\d+)[^ ]* (?:Mobile/\\S+ )?Safari/")));
    private static final Pattern AWS_TOOL = Pattern.compile("^(aws-cli|aws-sdk-[a-z0-9]+|Boto3|botocore)/(\\d+(?:\\.\\d+)?)");

    private record Family(String name, Pattern version) {
    }

    private UserAgents() {
    }

    static String shortened(String userAgent) {
        String agent = userAgent.strip();
        Matcher tool = AWS_TOOL.matcher(agent);
        if (tool.find()) {
            return tool.group(1) + " " + tool.group(2);
        }
        for (Family family : BROWSERS) {
            Matcher version = family.version().matcher(agent);
            if (version.find()) {
                String system = system(agent);
                return family.name() + " " + version.group(1) + (system == null ? "" : " on " + system);
            }
        }
        return agent.length() <= MAX_SHOWN ? agent : agent.substring(0, MAX_SHOWN) + "…";
    }

    private static String system(String agent) {
        String lower = agent.toLowerCase(Locale.ROOT);
        if (lower.contains("android")) {
            return "Android";
        }
        if (lower.contains("iphone") || lower.contains("ipad")) {
            return "iOS";
        }
        if (lower.contains("windows")) {
            return "Windows";
        }
        if (lower.contains("mac os x") || lower.contains("macintosh")) {
            return "macOS";
        }
        if (lower.contains("cros")) {
            return "ChromeOS";
        }
        if (lower.contains("linux")) {
            return "Linux";
        }
        return null;
    }
}
