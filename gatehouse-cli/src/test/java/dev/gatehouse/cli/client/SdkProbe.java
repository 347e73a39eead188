package dev.gatehouse.cli.client;

import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;

/**
 * Run in a child JVM whose {@code HOME} is a test's home: the stock AWS SDK for Java v2 resolves
 * the credentials of a profile (an sso-session profile reads the cached SSO token written by
 * {@code gatehouse login} and calls GetRoleCredentials), and prints the access key id, the
 * expiration, and whether there is a session token.
 */
public final class SdkProbe {
    private SdkProbe() {
    }

    public static void main(String[] args) {
        try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder().profileName(args[0]).build()) {
            AwsSessionCredentials credentials = (AwsSessionCredentials) provider.resolveCredentials();
            System.out.println("AccessKeyId=" + credentials.accessKeyId());
            System.out.println("SessionToken=" + (credentials.sessionToken().isEmpty() ? "no" : "yes"));
            System.out.println("Expiration=" + credentials.expirationTime().orElse(null));
        }
    }
}
