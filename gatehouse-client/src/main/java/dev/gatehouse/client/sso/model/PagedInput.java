package dev.gatehouse.client.sso.model;

import dev.gatehouse.client.internal.Redact;

/**
 * The shape the access portal's list inputs share ({@link ListAccountsInput},
 * {@link ListAccountRolesInput}): the caller's access token, the page to start after and the page
 * size; and the same request again for another page, which is what the paginators follow.
 *
 * @param <T> the input itself
 */
public interface PagedInput<T extends PagedInput<T>> {
    /** The OIDC access token (sent as {@code x-amz-sso_bearer_token}). */
    String accessToken();

    /** The previous page's {@code nextToken}, or null for the first page (query {@code next_token}). */
    String nextToken();

    /** Page size, 1..100, or null for the service's default (query {@code max_result}). */
    Integer maxResults();

    /** The same request for the page after {@code nextToken}. */
    T withNextToken(String nextToken);

    /**
     * The settings every list input's builder has; each input's {@code Builder} adds its own
     * members and {@code build()}.
     *
     * @param <B> the concrete builder
     * @param <T> the input it builds
     */
    abstract class Builder<B extends Builder<B, T>, T extends PagedInput<T>> {
        String accessToken;
        String nextToken;
        Integer maxResults;

        Builder() {
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        public B accessToken(String accessToken) {
            this.accessToken = accessToken;
            return self();
        }

        public B nextToken(String nextToken) {
            this.nextToken = nextToken;
            return self();
        }

        public B maxResults(Integer maxResults) {
            this.maxResults = maxResults;
            return self();
        }

        public abstract T build();

        @Override
        public String toString() {
            return getClass().getEnclosingClass().getSimpleName() + ".Builder[accessToken="
                    + Redact.secret(accessToken) + "]";
        }
    }
}
