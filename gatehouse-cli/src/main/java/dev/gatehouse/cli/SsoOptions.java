package dev.gatehouse.cli;

import picocli.CommandLine.Option;

/** {@code --profile P | --sso-session S}: which sign-in a command is about (one or the other). */
public final class SsoOptions {
    @Option(names = "--profile", paramLabel = "P", description = "A profile of ~/.aws/config (default: AWS_PROFILE, else default).")
    String profile;

    @Option(names = "--sso-session", paramLabel = "S", description = "An [sso-session S] of ~/.aws/config.")
    String ssoSession;
}
